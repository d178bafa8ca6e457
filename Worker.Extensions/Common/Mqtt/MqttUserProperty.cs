using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    [DataContract]
    public sealed class MqttUserProperty
    {
        public MqttUserProperty()
        {
        }

        public MqttUserProperty(string name, string value)
        {
            Name = name;
            Value = value;
        }

        [DataMember(Name = "name")]
        [JsonPropertyName("name")]
        public string Name { get; set; } = null!;

        [DataMember(Name = "value")]
        [JsonPropertyName("value")]
        public string Value { get; set; } = null!;
    }
}
