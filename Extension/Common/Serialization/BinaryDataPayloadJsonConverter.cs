using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>
    /// The <c>data</c> payload of user events. Reads a JSON string as its UTF-8 bytes, or a Node.js Buffer
    /// (<c>{"type":"Buffer","data":[...]}</c>) as those bytes; any other JSON value is kept as its JSON text.
    /// Writes a UTF-8 payload as a string (its text) and any other bytes as a Node.js Buffer, so nothing is lost.
    /// </summary>
    internal sealed class BinaryDataPayloadJsonConverter : JsonConverter<BinaryData>
    {
        public override BinaryData Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return BinaryData.FromString(reader.GetString()!);
            }

            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            JsonElement root = document.RootElement;
            return TryReadNodeBuffer(root, out byte[]? bytes) ? BinaryData.FromBytes(bytes!) : BinaryData.FromString(root.GetRawText());
        }

        public override void Write(Utf8JsonWriter writer, BinaryData value, JsonSerializerOptions options)
        {
            ReadOnlySpan<byte> bytes = value.ToMemory().Span;
            if (NodeBuffer.IsText(bytes))
            {
                writer.WriteStringValue(bytes); // UTF-8 in, the same text out
                return;
            }

            writer.WriteStartObject();
            writer.WriteString("type", "Buffer");
            writer.WriteStartArray("data");
            foreach (byte b in bytes)
            {
                writer.WriteNumberValue(b);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        private static bool TryReadNodeBuffer(JsonElement element, out byte[]? bytes)
        {
            bytes = null;
            if (element.ValueKind != JsonValueKind.Object
                || !TryGetProperty(element, "type", out JsonElement type)
                || type.ValueKind != JsonValueKind.String
                || !string.Equals(type.GetString(), "Buffer", StringComparison.OrdinalIgnoreCase)
                || !TryGetProperty(element, "data", out JsonElement data)
                || data.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            bytes = new byte[data.GetArrayLength()];
            int i = 0;
            foreach (JsonElement item in data.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetByte(out bytes[i++]))
                {
                    throw new JsonException("A Buffer's data must be an array of byte values (0-255).");
                }
            }
            return true;
        }

        // Workers are not consistent about casing, so "Type"/"DATA" are accepted as well.
        private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
            value = default;
            return false;
        }
    }
}
