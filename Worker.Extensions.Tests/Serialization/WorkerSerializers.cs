using System;
using System.Text.Json;
using Azure.Core.Serialization;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Serialization
{
    /// <summary>The serializers an app may put in <c>WorkerOptions.Serializer</c>; the worker writes outputs with it.</summary>
    internal static class WorkerSerializers
    {
        public static readonly string[] Names = { "default", "camelCase", "newtonsoft" };

        public static ObjectSerializer Get(string name) => name switch
        {
            "default" => new JsonObjectSerializer(new JsonSerializerOptions { PropertyNameCaseInsensitive = true }),
            "camelCase" => new JsonObjectSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)),
            "newtonsoft" => new NewtonsoftObjectSerializer(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        /// <summary>The JSON the worker sends for a value declared as <paramref name="declared"/>.</summary>
        public static string ToJson(string serializer, object value, Type? declared = null) =>
            Get(serializer).Serialize(value, declared ?? value.GetType()).ToString();
    }
}
