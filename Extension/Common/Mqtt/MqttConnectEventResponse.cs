using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Accepts an MQTT connection; <see cref="Mqtt"/> carries CONNACK user properties.</summary>
    [DataContract]
    public sealed class MqttConnectEventResponse : ConnectEventResponse
    {
        public MqttConnectEventResponse()
        {
        }

        public MqttConnectEventResponse(string? userId, IEnumerable<string>? groups, IEnumerable<string>? roles)
            : base(userId, groups, "mqtt", roles)
        {
        }

        [DataMember(Name = "mqtt")]
        [JsonPropertyName("mqtt")]
        public MqttConnectEventResponseProperties? Mqtt { get; set; }
    }
}
