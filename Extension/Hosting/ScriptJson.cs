using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// The Newtonsoft JSON shapes script languages (JavaScript, Python, PowerShell, isolated .NET) see. The
    /// converters live in this private serializer, never in <c>JsonConvert.DefaultSettings</c>, so other code in
    /// the host process keeps its own settings.
    /// </summary>
    internal static class ScriptJson
    {
        /// <summary>Immutable after construction; Newtonsoft serializers are safe to share for reading and writing.</summary>
        public static JsonSerializer Serializer { get; } = JsonSerializer.Create(new JsonSerializerSettings
        {
            // The model's own properties and types carry their converters (names where upstream wrote names); this
            // one covers payloads serialised on their own. No blanket enum converter: upstream wrote the other enums
            // (MQTT protocol version, disconnect codes) as numbers.
            Converters = { new BinaryDataTextNewtonsoftConverter() },
            DateParseHandling = DateParseHandling.None,
        });

        public static JToken ToJToken(object value) => JToken.FromObject(value, Serializer);

        public static string ToJsonString(object value)
        {
            using var writer = new StringWriter();
            Serializer.Serialize(writer, value);
            return writer.ToString();
        }

        public static byte[] ToUtf8Json(object value) => Encoding.UTF8.GetBytes(ToJsonString(value));
    }
}
