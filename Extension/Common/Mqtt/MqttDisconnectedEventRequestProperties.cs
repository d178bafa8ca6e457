using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>MQTT details of a disconnection.</summary>
    [DataContract]
    public class MqttDisconnectedEventRequestProperties
    {
        internal MqttDisconnectedEventRequestProperties(bool initiatedByClient, MqttDisconnectPacketProperties? disconnectPacket)
        {
            InitiatedByClient = initiatedByClient;
            DisconnectPacket = disconnectPacket;
        }

        /// <summary>The DISCONNECT packet, when the client sent one.</summary>
        [DataMember(Name = "disconnectPacket")]
        [JsonPropertyName("disconnectPacket")]
        public MqttDisconnectPacketProperties? DisconnectPacket { get; }

        [DataMember(Name = "initiatedByClient")]
        [JsonPropertyName("initiatedByClient")]
        public bool InitiatedByClient { get; }
    }
}
