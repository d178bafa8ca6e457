using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>MQTT fields of a rejected connect: the CONNACK code plus optional reason and user properties.</summary>
    [DataContract]
    public class MqttConnectEventErrorResponseProperties
    {
        public MqttConnectEventErrorResponseProperties(MqttV311ConnectReturnCode code)
            : this((int)code)
        {
        }

        public MqttConnectEventErrorResponseProperties(MqttV500ConnectReasonCode code)
            : this((int)code)
        {
        }

        // The wire carries a bare number for either protocol version.
        internal MqttConnectEventErrorResponseProperties(int code)
        {
            Code = code;
        }

        /// <summary>The numeric MQTT 3.1.1 return code or MQTT 5.0 reason code.</summary>
        [DataMember(Name = "code")]
        [JsonPropertyName("code")]
        public int Code { get; }

        [DataMember(Name = "reason")]
        [JsonPropertyName("reason")]
        public string? Reason { get; set; }

        [DataMember(Name = "userProperties")]
        [JsonPropertyName("userProperties")]
        public IReadOnlyList<MqttUserProperty>? UserProperties { get; set; }
    }
}
