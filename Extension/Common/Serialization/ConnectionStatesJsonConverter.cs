using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary><c>connectionContext.states</c>: an object of base64 strings; unreadable states become empty.</summary>
    internal sealed class ConnectionStatesJsonConverter : JsonConverter<IReadOnlyDictionary<string, BinaryData>>
    {
        public override IReadOnlyDictionary<string, BinaryData> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            return ConnectionStatesEncoding.ReadStates(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, BinaryData> value, JsonSerializerOptions options) =>
            ConnectionStatesEncoding.WriteStates(writer, value);
    }
}
