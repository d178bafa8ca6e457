using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker.Serialization
{
    /// <summary>
    /// The <c>data</c> of a user event the host hands over: a string (its UTF-8 bytes) or a Node.js Buffer (the bytes).
    /// Writes a string, or a Buffer when the bytes are not UTF-8 text.
    /// </summary>
    internal sealed class PayloadJsonConverter : JsonConverter<BinaryData>
    {
        public override BinaryData? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return Payload.FromElement(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, BinaryData value, JsonSerializerOptions options)
        {
            if (Payload.ToWire(value, WebPubSubDataType.Text) is string text)
            {
                writer.WriteStringValue(text);
            }
            else
            {
                JsonSerializer.Serialize(writer, new NodeBuffer(value.ToArray()), WorkerJson.Options);
            }
        }
    }
}
