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
        /// returns a partial result. The webhook uses <see cref="TryDecode"/> instead and refuses malformed values,
        /// because answering with empty states would erase the connection's real ones.
        /// </summary>
        public static IReadOnlyDictionary<string, BinaryData> Decode(string? headerValue) =>
            TryDecode(headerValue, out var states) ? states : ConnectionStateValues.Empty;

        /// <summary>False when a present value is not base64 of a JSON object of base64 strings.</summary>
        public static bool TryDecode(string? headerValue, out IReadOnlyDictionary<string, BinaryData> states)
        {
            states = ConnectionStateValues.Empty;
            if (string.IsNullOrWhiteSpace(headerValue))
            {
                return true;
            }

            try
            {
                byte[] json = Convert.FromBase64String(headerValue);
                using JsonDocument document = JsonDocument.Parse(json);
                return TryReadStates(document.RootElement, out states);
            }
            catch (Exception e) when (e is FormatException || e is JsonException || e is ArgumentException)
            {
                return false;
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
        internal static IReadOnlyDictionary<string, BinaryData> ReadStates(JsonElement element) =>
            TryReadStates(element, out var states) ? states : ConnectionStateValues.Empty;

        private static bool TryReadStates(JsonElement element, out IReadOnlyDictionary<string, BinaryData> states)
        {
            states = ConnectionStateValues.Empty;
            if (element.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var result = new Dictionary<string, BinaryData>();
            try
            {
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String || !property.Value.TryGetBytesFromBase64(out byte[]? bytes))
                    {
                        return false;
                    }
                    result[property.Name] = BinaryData.FromBytes(bytes);
                }
            }
            catch (InvalidOperationException)
            {
                // A name or value with a lone surrogate escape ("\ud800") cannot be unescaped.
                return false;
            }
            states = result;
            return true;
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
