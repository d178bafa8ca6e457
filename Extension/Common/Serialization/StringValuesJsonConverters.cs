using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>
    /// The connect body's <c>claims</c>, <c>query</c> and <c>headers</c> (name → list of strings), read the way the
    /// serializer's own converters read them (null values and elements kept for the guard to report, a repeated name:
    /// the last wins, any other token a <see cref="JsonException"/>), but each list straight into an array of its
    /// exact size: every connect event carries several, and the serializer builds each in a list and copies it.
    /// </summary>
    internal sealed class StringArrayMapJsonConverter : JsonConverter<IReadOnlyDictionary<string, string[]>>
    {
        public override IReadOnlyDictionary<string, string[]> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException();
            }
            // Sized once: a browser's connect carries a dozen headers, and growing a dictionary copies it each time.
            var map = new Dictionary<string, string[]>(JsonChildren.Count(reader));
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                string name = KnownStrings.Read(ref reader);
                reader.Read();
                map[name] = reader.TokenType == JsonTokenType.Null ? null! : StringArrayJsonConverter.ReadArray(ref reader);
            }
            return map;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string[]> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var pair in value)
            {
                writer.WritePropertyName(pair.Key);
                StringArrayJsonConverter.WriteArray(writer, pair.Value);
            }
            writer.WriteEndObject();
        }
    }

    /// <summary><c>subprotocols</c>: a list of strings read into an array of its exact size (see above).</summary>
    internal sealed class StringArrayJsonConverter : JsonConverter<IReadOnlyList<string>>
    {
        public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadArray(ref reader);

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
            WriteArray(writer, value);

        /// <summary>A string or null is an element; anything else is refused, as the serializer refuses it.</summary>
        internal static string[] ReadArray(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException();
            }
            int count = JsonChildren.Count(reader);
            var values = count == 0 ? Array.Empty<string>() : new string[count];
            for (int i = 0; i < count; i++)
            {
                reader.Read();
                values[i] = reader.TokenType switch
                {
                    JsonTokenType.String => KnownStrings.Read(ref reader),
                    JsonTokenType.Null => null!,
                    _ => throw new JsonException(),
                };
            }
            reader.Read(); // EndArray
            return values;
        }

        internal static void WriteArray(Utf8JsonWriter writer, IReadOnlyList<string>? values)
        {
            if (values == null)
            {
                writer.WriteNullValue();
                return;
            }
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }
            writer.WriteEndArray();
        }
    }
}
