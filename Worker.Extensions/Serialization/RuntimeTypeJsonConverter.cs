using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker.Serialization
{
    /// <summary>
    /// Writes a value declared as an abstract base (an action, a response) with the members of its runtime type, so
    /// <c>WebPubSubAction[]</c> and base-typed return values serialize completely.
    /// </summary>
    internal sealed class RuntimeTypeJsonConverter<T> : JsonConverter<T>
        where T : class
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(T);

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var type = typeof(T) == typeof(WebPubSubAction) ? ActionTypes.Of(document.RootElement) : null;
            return type == null
                ? throw new JsonException($"Cannot tell which {typeof(T).Name} this JSON is.")
                : (T?)document.RootElement.Deserialize(type, options);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
    }
}
