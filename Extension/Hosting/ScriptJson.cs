using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
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
            Converters = { new StringEnumConverter(), new BinaryDataTextConverter(), new ConnectionStatesConverter() },
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

        /// <summary>Binary payloads are shown to scripts as their UTF-8 text, as upstream does.</summary>
        private sealed class BinaryDataTextConverter : JsonConverter<BinaryData>
        {
            public override BinaryData? ReadJson(JsonReader reader, Type objectType, BinaryData? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
                reader.TokenType == JsonToken.Null ? null : BinaryData.FromString(JToken.Load(reader).ToString(Formatting.None));

            public override void WriteJson(JsonWriter writer, BinaryData? value, JsonSerializer serializer)
            {
                if (value == null)
                {
                    writer.WriteNull();
                }
                else
                {
                    writer.WriteValue(value.ToString());
                }
            }
        }

        /// <summary>
        /// Connection states are JSON values set by functions; scripts get them as real JSON (no
        /// <c>JSON.parse</c>). A state that is not JSON text is shown as a string instead of breaking the document.
        /// </summary>
        private sealed class ConnectionStatesConverter : JsonConverter<IReadOnlyDictionary<string, BinaryData>>
        {
            public override bool CanRead => false;

            public override IReadOnlyDictionary<string, BinaryData>? ReadJson(JsonReader reader, Type objectType, IReadOnlyDictionary<string, BinaryData>? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
                throw new NotSupportedException();

            public override void WriteJson(JsonWriter writer, IReadOnlyDictionary<string, BinaryData>? value, JsonSerializer serializer)
            {
                if (value == null)
                {
                    writer.WriteNull();
                    return;
                }
                writer.WriteStartObject();
                foreach (var pair in value)
                {
                    writer.WritePropertyName(pair.Key);
                    ParseOrString(pair.Value).WriteTo(writer);
                }
                writer.WriteEndObject();
            }

            private static JToken ParseOrString(BinaryData state)
            {
                var text = state.ToString();
                try
                {
                    // Dates stay the strings they were written as.
                    using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
                    var token = JToken.ReadFrom(reader);
                    return reader.Read() ? new JValue(text) : token;
                }
                catch (JsonReaderException)
                {
                    return new JValue(text);
                }
            }
        }
    }
}
