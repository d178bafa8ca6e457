using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker.Serialization
{
    /// <summary>
    /// Writes an action declared as <see cref="WebPubSubAction"/> with the members of its runtime type, so
    /// <c>WebPubSubAction[]</c> serializes completely; reads the type from <c>actionName</c>.
    /// </summary>
    internal sealed class ActionJsonConverter : JsonConverter<WebPubSubAction>
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(WebPubSubAction);

        public override WebPubSubAction? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var type = ActionTypes.Of(document.RootElement) ?? throw new JsonException("The JSON names no known actionName.");
            return (WebPubSubAction?)document.RootElement.Deserialize(type, options);
        }

        public override void Write(Utf8JsonWriter writer, WebPubSubAction value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
    }
}
