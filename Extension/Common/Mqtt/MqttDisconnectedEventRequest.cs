using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>The <c>disconnected</c> notification of an MQTT client.</summary>
    [DataContract]
    public class MqttDisconnectedEventRequest : DisconnectedEventRequest
    {
        public MqttDisconnectedEventRequest(MqttConnectionContext context, string? reason, MqttDisconnectedEventRequestProperties mqtt)
            : base(context, reason)
        {
            Mqtt = mqtt;
        }

        [DataMember(Name = "mqtt")]
        [JsonPropertyName("mqtt")]
        public MqttDisconnectedEventRequestProperties Mqtt { get; }
    }
}
