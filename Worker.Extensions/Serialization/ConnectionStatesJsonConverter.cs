using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker.Serialization
{
    /// <summary>
    /// <c>connectionContext.states</c> as the host hands them to isolated workers: an object of base64 strings of the
    /// state bytes. The script-language form (each state as its JSON value) is read as well; a string that is not
    /// base64 is taken as that JSON string. Writes base64.
    /// </summary>
    internal sealed class ConnectionStatesJsonConverter : JsonConverter<IReadOnlyDictionary<string, BinaryData>>
    {
        public override IReadOnlyDictionary<string, BinaryData>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var states = new Dictionary<string, BinaryData>(StringComparer.Ordinal);
            if (root.ValueKind != JsonValueKind.Object)
            {
                return states;
            }
            foreach (var property in root.EnumerateObject())
            {
                states[property.Name] = property.Value.ValueKind == JsonValueKind.String && property.Value.TryGetBytesFromBase64(out var bytes)
                    ? BinaryData.FromBytes(bytes)
                    : BinaryData.FromBytes(Encoding.UTF8.GetBytes(property.Value.GetRawText()));
            }
            return states;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, BinaryData> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var pair in value)
            {
                writer.WriteBase64String(pair.Key, pair.Value.ToMemory().Span);
            }
            writer.WriteEndObject();
        }
    }
}
