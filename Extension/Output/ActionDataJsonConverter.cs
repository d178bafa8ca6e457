using System;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// The <c>data</c> of send actions in script-language JSON: a string (its UTF-8 bytes) or a Node.js Buffer
    /// (<c>{"type":"Buffer","data":[1,2]}</c>). Applied per property, never registered globally.
    /// </summary>
    internal sealed class ActionDataJsonConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(BinaryData);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var token = JToken.Load(reader);
            switch (token.Type)
            {
                case JTokenType.Null:
                    return null;
                case JTokenType.String:
                    return BinaryData.FromString(token.Value<string>()!);
                default:
                    if (NodeBuffer.TryRead(token, out var bytes))
                    {
                        return BinaryData.FromBytes(bytes);
                    }
                    throw new ArgumentException("Message data should be string, please stringify object.");
            }
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value is BinaryData data)
            {
                writer.WriteValue(data.ToString());
            }
            else
            {
                writer.WriteNull();
            }
        }
    }
}
