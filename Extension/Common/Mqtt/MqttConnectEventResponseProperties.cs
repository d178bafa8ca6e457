using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>MQTT fields of a successful connect response (sent back to the client in CONNACK).</summary>
    [DataContract]
    public class MqttConnectEventResponseProperties
    {
        [DataMember(Name = "userProperties")]
        [JsonPropertyName("userProperties")]
        public IReadOnlyList<MqttUserProperty>? UserProperties { get; set; }
    }
}
