using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>Serialises a model through its wire shape <typeparamref name="TContent"/>.</summary>
    internal abstract class ContentConverter<TModel, TContent> : JsonConverter<TModel>
        where TModel : class
        where TContent : class
    {
        public override TModel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // Null tokens never reach a converter (HandleNull is false), so content is never null here.
            TContent content = JsonSerializer.Deserialize(ref reader, ContentInfo(options))!;
            return FromContent(content);
        }

        public override void Write(Utf8JsonWriter writer, TModel value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, ToContent(value), ContentInfo(options));

        protected abstract TModel FromContent(TContent content);

        protected abstract TContent ToContent(TModel model);

        /// <summary>Wraps a missing or invalid field in the exception type callers of the serializer expect.</summary>
        protected static T Require<T>(T? value, string name)
            where T : class =>
            value ?? throw new JsonException($"The '{name}' property is required for {typeof(TModel).Name}.");

        private static JsonTypeInfo<TContent> ContentInfo(JsonSerializerOptions options) =>
            (JsonTypeInfo<TContent>)options.GetTypeInfo(typeof(TContent));
    }

    /// <summary>
    /// For the abstract bases: writes the value as its runtime type. Reading is refused because a body alone does
    /// not say which event it is (the pipeline knows that from the CloudEvents headers).
    /// </summary>
    internal sealed class RuntimeTypeConverter<TBase> : JsonConverter<TBase>
        where TBase : class
    {
        public override TBase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException($"Deserialise a concrete type, not {typeof(TBase).Name}.");

        public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }
}
