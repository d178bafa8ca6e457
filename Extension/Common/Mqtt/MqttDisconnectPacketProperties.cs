using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Fields of the MQTT DISCONNECT packet a client sent.</summary>
    [DataContract]
    public class MqttDisconnectPacketProperties
    {
        internal MqttDisconnectPacketProperties(MqttDisconnectReasonCode code, IReadOnlyList<MqttUserProperty>? userProperties)
        {
            Code = code;
            UserProperties = userProperties;
        }

        [DataMember(Name = "code")]
        [JsonPropertyName("code")]
        public MqttDisconnectReasonCode Code { get; }

        [DataMember(Name = "userProperties")]
        [JsonPropertyName("userProperties")]
        public IReadOnlyList<MqttUserProperty>? UserProperties { get; }
    }
}
