using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>Accepts an MQTT connection; the subprotocol is <c>mqtt</c> (beyond upstream's worker package).</summary>
    [DataContract]
    public sealed class MqttConnectEventResponse : ConnectEventResponse
    {
        public MqttConnectEventResponse()
        {
            Subprotocol = "mqtt";
        }

        public MqttConnectEventResponse(string? userId, IEnumerable<string>? groups, IEnumerable<string>? roles)
            : base(userId, groups, "mqtt", roles)
        {
        }

        [DataMember(Name = "mqtt", EmitDefaultValue = false)]
        [JsonPropertyName("mqtt")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public MqttConnectEventResponseProperties? Mqtt { get; set; }
    }

    [DataContract]
    public sealed class MqttConnectEventResponseProperties
    {
        [DataMember(Name = "userProperties", EmitDefaultValue = false)]
        [JsonPropertyName("userProperties")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<MqttUserProperty>? UserProperties { get; set; }
    }

    /// <summary>Refuses an MQTT connection with an MQTT code; the host answers with the MQTT error JSON.</summary>
    [DataContract]
    public sealed class MqttConnectEventErrorResponse : EventErrorResponse
    {
        public MqttConnectEventErrorResponse(MqttConnectEventErrorResponseProperties mqtt)
            : base(MqttCodes.ToErrorCode(mqtt.Code), mqtt.Reason)
        {
            Mqtt = mqtt;
        }

        public MqttConnectEventErrorResponse(MqttV311ConnectReturnCode code, string? reason)
            : this(new MqttConnectEventErrorResponseProperties { Code = (int)code, Reason = reason })
        {
        }

        public MqttConnectEventErrorResponse(MqttV500ConnectReasonCode code, string? reason)
            : this(new MqttConnectEventErrorResponseProperties { Code = (int)code, Reason = reason })
        {
        }

        [DataMember(Name = "mqtt")]
        [JsonPropertyName("mqtt")]
        public MqttConnectEventErrorResponseProperties Mqtt { get; set; }
    }

    [DataContract]
    public sealed class MqttConnectEventErrorResponseProperties
    {
        /// <summary>An MQTT 3.1.1 return code (1-5) or MQTT 5.0 reason code (128+).</summary>
        [DataMember(Name = "code")]
        [JsonPropertyName("code")]
        public int Code { get; set; }

        [DataMember(Name = "reason", EmitDefaultValue = false)]
        [JsonPropertyName("reason")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Reason { get; set; }

        [DataMember(Name = "userProperties", EmitDefaultValue = false)]
        [JsonPropertyName("userProperties")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<MqttUserProperty>? UserProperties { get; set; }
    }

    /// <summary>What each MQTT code means as a Web PubSub error (the host's status for it).</summary>
    internal static class MqttCodes
    {
        public static WebPubSubErrorCode ToErrorCode(int code) => code switch
        {
            (int)MqttV311ConnectReturnCode.NotAuthorized or (int)MqttV500ConnectReasonCode.NotAuthorized => WebPubSubErrorCode.Unauthorized,
            (int)MqttV311ConnectReturnCode.ServerUnavailable => WebPubSubErrorCode.ServerError,
            >= 1 and <= 5 => WebPubSubErrorCode.UserError,
            (int)MqttV500ConnectReasonCode.ServerUnavailable or (int)MqttV500ConnectReasonCode.ServerBusy
                or (int)MqttV500ConnectReasonCode.PacketTooLarge or (int)MqttV500ConnectReasonCode.QuotaExceeded
                or (int)MqttV500ConnectReasonCode.RetainNotSupported or (int)MqttV500ConnectReasonCode.QosNotSupported
                or (int)MqttV500ConnectReasonCode.UseAnotherServer or (int)MqttV500ConnectReasonCode.ServerMoved => WebPubSubErrorCode.ServerError,
            > 128 and <= 255 => WebPubSubErrorCode.UserError,
            _ => WebPubSubErrorCode.ServerError,
        };
    }
}
