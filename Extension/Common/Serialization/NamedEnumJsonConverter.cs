using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>
    /// Writes an enum as its member name; reads a name in any casing or a number (also as a string, as some workers
    /// send <c>"2"</c>). Values outside the enum are rejected instead of flowing on as meaningless numbers.
    /// </summary>
    internal sealed class NamedEnumJsonConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            TEnum value;
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long number))
            {
                value = (TEnum)Enum.ToObject(typeof(TEnum), number);
            }
            else if (reader.TokenType != JsonTokenType.String || !Enum.TryParse(reader.GetString(), ignoreCase: true, out value))
            {
                throw new JsonException($"Expected a {typeof(TEnum).Name} name or number.");
            }

            if (!Enum.IsDefined(typeof(TEnum), value))
            {
                throw new JsonException($"'{value}' is not a valid {typeof(TEnum).Name}.");
            }
            return value;
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        {
            if (Enum.IsDefined(typeof(TEnum), value))
            {
                writer.WriteStringValue(value.ToString());
            }
            else
            {
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
