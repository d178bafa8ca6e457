using System;
using System.Text;
using System.Text.Json;

namespace Microsoft.Azure.Functions.Worker.Serialization
{
    /// <summary>
    /// Message payloads (<c>data</c>) on the wire. Text and JSON go out as the string Node.js and custom handlers use;
    /// binary data, and any payload that is not valid UTF-8, as a Node.js Buffer, so every byte survives.
    /// </summary>
    internal static class Payload
    {
        private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>The value to serialize: a <see cref="string"/>, a <see cref="NodeBuffer"/> or null.</summary>
        public static object? ToWire(BinaryData? data, WebPubSubDataType dataType)
        {
            if (data == null)
            {
                return null;
            }
            var bytes = data.ToArray();
            return dataType != WebPubSubDataType.Binary && TryDecode(bytes, out var text) ? text : new NodeBuffer(bytes);
        }

        /// <summary>Reads what <see cref="ToWire"/> wrote, from any serializer: a string, a JSON element, or JSON text.</summary>
        public static BinaryData? FromWire(object? value) => value switch
        {
            null => null,
            string text => BinaryData.FromString(text),
            JsonElement element => FromElement(element),
            NodeBuffer buffer => BinaryData.FromBytes(Array.ConvertAll(buffer.Data, b => (byte)b)),
            // Other serializers hand their own JSON objects; their ToString() is the JSON text.
            _ => FromJsonText(value.ToString() ?? string.Empty),
        };

        public static BinaryData? FromElement(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.String:
                    return BinaryData.FromString(element.GetString()!);
                default:
                    return NodeBuffer.TryRead(element, out var bytes) ? BinaryData.FromBytes(bytes) : BinaryData.FromString(element.GetRawText());
            }
        }

        private static BinaryData? FromJsonText(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                return FromElement(document.RootElement);
            }
            catch (JsonException)
            {
                return BinaryData.FromString(json);
            }
        }

        internal static bool TryDecode(byte[] bytes, out string text)
        {
            try
            {
                text = s_strictUtf8.GetString(bytes);
                return true;
            }
            catch (ArgumentException)
            {
                text = string.Empty;
                return false;
            }
        }
    }
}
