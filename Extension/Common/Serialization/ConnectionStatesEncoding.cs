using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>
    /// The service's transport form of connection states: a JSON object whose values are base64 strings of the raw
    /// state bytes. The <c>ce-connectionState</c> header carries that object's UTF-8 JSON, base64-encoded again.
    /// </summary>
    internal static class ConnectionStatesEncoding
    {
        /// <summary>
        /// Decodes a <c>ce-connectionState</c> header value. Absent or malformed values (not base64, not JSON, not an
        /// object of base64 strings, e.g. states written by another SDK) yield an empty dictionary: never throws, never
        /// returns a partial result.
        /// </summary>
        public static IReadOnlyDictionary<string, BinaryData> Decode(string? headerValue)
        {
            if (string.IsNullOrWhiteSpace(headerValue))
            {
                return ConnectionStateValues.Empty;
            }

            try
            {
                byte[] json = Convert.FromBase64String(headerValue);
                using JsonDocument document = JsonDocument.Parse(json);
                return ReadStates(document.RootElement);
            }
            catch (Exception e) when (e is FormatException || e is JsonException || e is ArgumentException)
            {
                return ConnectionStateValues.Empty;
            }
        }

        /// <summary>Encodes states into a header value; an empty dictionary encodes as <c>{}</c> ("no states at all").</summary>
        public static string Encode(IReadOnlyDictionary<string, BinaryData> states)
        {
            if (states == null)
            {
                throw new ArgumentNullException(nameof(states));
            }

            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                WriteStates(writer, states);
            }
            return Convert.ToBase64String(stream.GetBuffer(), 0, (int)stream.Length);
        }

        /// <summary>Reads the object-of-base64 form; anything else gives an empty dictionary.</summary>
        internal static IReadOnlyDictionary<string, BinaryData> ReadStates(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return ConnectionStateValues.Empty;
            }

            var states = new Dictionary<string, BinaryData>();
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String || !property.Value.TryGetBytesFromBase64(out byte[]? bytes))
                {
                    return ConnectionStateValues.Empty;
                }
                states[property.Name] = BinaryData.FromBytes(bytes);
            }
            return states;
        }

        internal static void WriteStates(Utf8JsonWriter writer, IReadOnlyDictionary<string, BinaryData> states)
        {
            writer.WriteStartObject();
            foreach (var pair in states)
            {
                writer.WriteBase64String(pair.Key, pair.Value.ToMemory().Span);
            }
            writer.WriteEndObject();
        }
    }
}
