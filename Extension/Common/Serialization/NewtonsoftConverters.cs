using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    // Newtonsoft.Json is what the Functions host uses to hand event objects to JavaScript, Python, PowerShell and
    // isolated workers (binding data, trigger payloads). The converters sit on the model's properties, so that every
    // Newtonsoft serializer, including the host's default one, writes the upstream shapes without anybody changing
    // JsonConvert.DefaultSettings (upstream overwrote those process-wide).

    /// <summary>
    /// Payloads as their UTF-8 text (upstream's script shape) when they are UTF-8, which every text and JSON payload
    /// is; other bytes (binary payloads) as a Node.js Buffer object, which upstream's and our worker converters and
    /// Node's <c>Buffer.from(x.data)</c> read losslessly, where text would replace them with U+FFFD. Reads both.
    /// </summary>
    internal sealed class BinaryDataTextNewtonsoftConverter : JsonConverter<BinaryData>
    {
        public override BinaryData? ReadJson(JsonReader reader, Type objectType, BinaryData? existingValue, bool hasExistingValue, JsonSerializer serializer)
        {
            var token = JToken.Load(reader);
            return token.Type switch
            {
                JTokenType.Null => null,
                JTokenType.String => BinaryData.FromString(token.Value<string>()!),
                _ when NodeBuffer.TryRead(token, out var bytes) => BinaryData.FromBytes(bytes),
                _ => BinaryData.FromString(token.ToString(Formatting.None)),
            };
        }

        public override void WriteJson(JsonWriter writer, BinaryData? value, JsonSerializer serializer)
        {
            if (value == null)
            {
                writer.WriteNull();
            }
            else if (NodeBuffer.IsText(value.ToMemory().Span))
            {
                writer.WriteValue(value.ToString());
            }
            else
            {
                NodeBuffer.Write(writer, value.ToMemory().Span);
            }
        }
    }

    /// <summary>
    /// Connection states as real JSON values, so scripts need no <c>JSON.parse</c>. A state that is not JSON text
    /// is written as a string instead of breaking the document; dates stay the strings they were written as.
    /// </summary>
    internal sealed class ConnectionStatesNewtonsoftConverter : JsonConverter<IReadOnlyDictionary<string, BinaryData>>
    {
        public override bool CanRead => false;

        public override IReadOnlyDictionary<string, BinaryData>? ReadJson(JsonReader reader, Type objectType, IReadOnlyDictionary<string, BinaryData>? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            throw new NotSupportedException("Connection states are read from the ce-connectionState header, not from JSON.");

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
                ParseOrString(pair.Value.ToString()).WriteTo(writer);
            }
            writer.WriteEndObject();
        }

        private static JToken ParseOrString(string text)
        {
            try
            {
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

    /// <summary>
    /// A payload handed out on its own (the trigger's <c>data</c> binding data): still a <see cref="BinaryData"/> for
    /// C# parameters, but the Functions host's default serializer writes it as its text for script languages.
    /// </summary>
    [JsonConverter(typeof(BinaryDataTextNewtonsoftConverter))]
    internal sealed class ScriptFriendlyBinaryData : BinaryData
    {
        public ScriptFriendlyBinaryData(BinaryData data)
            : base(data.ToMemory())
        {
        }

        public static BinaryData? From(BinaryData? data) => data == null ? null : new ScriptFriendlyBinaryData(data);
    }

    /// <summary>A Node.js Buffer as JSON.stringify writes it: <c>{"type":"Buffer","data":[1,2]}</c>.</summary>
    internal static class NodeBuffer
    {
#if !NET8_0_OR_GREATER
        private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
#endif

        /// <summary>Whether the bytes decode as UTF-8 without replacement characters, i.e. survive as a JSON string.</summary>
        public static bool IsText(ReadOnlySpan<byte> bytes)
        {
#if NET8_0_OR_GREATER
            return System.Text.Unicode.Utf8.IsValid(bytes);
#else
            try
            {
                StrictUtf8.GetCharCount(bytes.ToArray());
                return true;
            }
            catch (System.Text.DecoderFallbackException)
            {
                return false;
            }
#endif
        }

        public static void Write(JsonWriter writer, ReadOnlySpan<byte> bytes)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("type");
            writer.WriteValue("Buffer");
            writer.WritePropertyName("data");
            writer.WriteStartArray();
            foreach (byte b in bytes)
            {
                writer.WriteValue(b);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        public static bool TryRead(JToken? token, out byte[] bytes)
        {
            bytes = Array.Empty<byte>();
            if (token is not JObject obj
                || !string.Equals(obj.GetValue("type", StringComparison.OrdinalIgnoreCase)?.Value<string>(), "Buffer", StringComparison.OrdinalIgnoreCase)
                || obj.GetValue("data", StringComparison.OrdinalIgnoreCase) is not JArray array)
            {
                return false;
            }
            bytes = array.Select(b => (byte)b).ToArray();
            return true;
        }
    }
}
