using System;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker.Serialization
{
    /// <summary>
    /// A Node.js Buffer as <c>JSON.stringify</c> writes it, <c>{"type":"Buffer","data":[1,2]}</c>: the lossless binary
    /// form the host-side extension reads for send actions and user-event responses (it reads no base64 there).
    /// A plain object so any serializer (System.Text.Json, Newtonsoft) writes the same shape.
    /// </summary>
    [DataContract]
    internal sealed class NodeBuffer
    {
        public NodeBuffer(byte[] bytes)
        {
            Data = new int[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                Data[i] = bytes[i];
            }
        }

        [DataMember(Name = "type", Order = 0)]
        [JsonPropertyName("type")]
        public string Type => "Buffer";

        [DataMember(Name = "data", Order = 1)]
        [JsonPropertyName("data")]
        public int[] Data { get; }

        public static bool TryRead(JsonElement element, out byte[] bytes)
        {
            bytes = Array.Empty<byte>();
            if (element.ValueKind != JsonValueKind.Object
                || !TryGet(element, "type", out var type) || type.ValueKind != JsonValueKind.String
                || !string.Equals(type.GetString(), "Buffer", StringComparison.OrdinalIgnoreCase)
                || !TryGet(element, "data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                return false;
            }
            bytes = new byte[data.GetArrayLength()];
            int i = 0;
            foreach (var item in data.EnumerateArray())
            {
                bytes[i++] = item.GetByte();
            }
            return true;
        }

        private static bool TryGet(JsonElement element, string name, out JsonElement value)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
            value = default;
            return false;
        }
    }
}
