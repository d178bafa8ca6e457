using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker.Serialization
{
    /// <summary>
    /// The <c>states</c> of event responses as the host-side extension reads them: each state is its JSON value, and
    /// the host keeps that value's compact JSON text as the state's bytes. So a JSON state (what <c>SetState(key,
    /// object)</c> stores) arrives byte for byte; any other text goes as a JSON string.
    /// </summary>
    internal static class StatesJson
    {
        /// <summary>Each state as a plain CLR value (dictionaries, lists, strings, numbers), for serializers we do not know.</summary>
        public static Dictionary<string, object?>? ToClr(IReadOnlyDictionary<string, BinaryData>? states) =>
            states?.ToDictionary(pair => pair.Key, pair => ToClr(pair.Value), StringComparer.Ordinal);

        public static Dictionary<string, BinaryData>? FromClr(IDictionary<string, object?>? states) =>
            states?.ToDictionary(pair => pair.Key, pair => FromClr(pair.Value), StringComparer.Ordinal);

        /// <summary>
        /// A state value another serializer read: plain CLR values serialize as they are; its own JSON objects (say
        /// Newtonsoft's JObject) are taken by their JSON text, written compactly.
        /// </summary>
        private static BinaryData FromClr(object? value)
        {
            var plain = value is null or string or bool or decimal or IDictionary<string, object?> or IList<object?> || value.GetType().IsPrimitive;
            if (!plain && TryParse(BinaryData.FromString(value!.ToString() ?? string.Empty), out var document))
            {
                using (document)
                {
                    return BinaryData.FromString(Compact(document!.RootElement));
                }
            }
            return BinaryData.FromString(JsonSerializer.Serialize(value, WorkerJson.Options));
        }

        private static string Compact(JsonElement element)
        {
            using var stream = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                element.WriteTo(writer);
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        internal static bool TryParse(BinaryData value, out JsonDocument? document)
        {
            try
            {
                document = JsonDocument.Parse(value.ToMemory());
                return true;
            }
            catch (JsonException)
            {
                document = null;
                return false;
            }
        }

        private static object? ToClr(BinaryData value)
        {
            if (!TryParse(value, out var document))
            {
                return Encoding.UTF8.GetString(value.ToArray());
            }
            using (document)
            {
                return JsonClr.From(document!.RootElement);
            }
        }
    }

    /// <summary>System.Text.Json form of <see cref="StatesJson"/>.</summary>
    internal sealed class ResponseStatesJsonConverter : JsonConverter<IReadOnlyDictionary<string, BinaryData>>
    {
        public override IReadOnlyDictionary<string, BinaryData>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var states = new Dictionary<string, BinaryData>(StringComparer.Ordinal);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    states[property.Name] = BinaryData.FromString(property.Value.GetRawText());
                }
            }
            return states;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, BinaryData> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var pair in value)
            {
                writer.WritePropertyName(pair.Key);
                if (StatesJson.TryParse(pair.Value, out var document))
                {
                    using (document)
                    {
                        document!.RootElement.WriteTo(writer);
                    }
                }
                else
                {
                    writer.WriteStringValue(Encoding.UTF8.GetString(pair.Value.ToArray()));
                }
            }
            writer.WriteEndObject();
        }
    }

    /// <summary>JSON elements as plain CLR values that every serializer writes back as the same JSON.</summary>
    internal static class JsonClr
    {
        public static object? From(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => From(p.Value), StringComparer.Ordinal),
            JsonValueKind.Array => element.EnumerateArray().Select(From).ToList(),
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => Number(element),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };

        private static object Number(JsonElement element) =>
            element.TryGetInt64(out var integer) ? integer : element.TryGetDecimal(out var number) ? number : element.GetDouble();
    }
}
