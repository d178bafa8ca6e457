using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>An MQTT 5.0 user property (a name/value pair); a record so properties compare by value.</summary>
    [DataContract]
    public record MqttUserProperty
    {
        public MqttUserProperty(string name, string value)
        {
            Name = name;
            Value = value;
        }

        [DataMember(Name = "name")]
        [JsonPropertyName("name")]
        public string Name { get; }

        [DataMember(Name = "value")]
        [JsonPropertyName("value")]
        public string Value { get; }
    }
}
