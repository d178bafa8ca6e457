using System;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>
    /// Rejects an MQTT connection with a CONNACK code. Only <see cref="Mqtt"/> goes on the wire; the inherited
    /// <see cref="EventErrorResponse.Code"/> is derived from the MQTT code so the HTTP status stays consistent.
    /// </summary>
    [DataContract]
    public class MqttConnectEventErrorResponse : EventErrorResponse
    {
        public MqttConnectEventErrorResponse(MqttConnectEventErrorResponseProperties mqtt)
        {
            Mqtt = mqtt ?? throw new ArgumentNullException(nameof(mqtt));
            // A code outside both tables cannot be classified: treat it as the service's own failure.
            Code = MqttCodeMappings.TryGetErrorCode(mqtt.Code, out var code) ? code : WebPubSubErrorCode.ServerError;
            ErrorMessage = mqtt.Reason;
        }

        public MqttConnectEventErrorResponse(MqttV311ConnectReturnCode code, string? reason)
            : base(MqttCodeMappings.ToErrorCode(code), reason)
        {
            Mqtt = new MqttConnectEventErrorResponseProperties(code) { Reason = reason };
        }

        public MqttConnectEventErrorResponse(MqttV500ConnectReasonCode code, string? reason)
            : base(MqttCodeMappings.ToErrorCode(code), reason)
        {
            Mqtt = new MqttConnectEventErrorResponseProperties(code) { Reason = reason };
        }

        [DataMember(Name = "mqtt")]
        [JsonPropertyName("mqtt")]
        public MqttConnectEventErrorResponseProperties Mqtt { get; }
    }
}
