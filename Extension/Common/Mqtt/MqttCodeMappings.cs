using System;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Maps MQTT CONNACK codes to and from <see cref="WebPubSubErrorCode"/> (which drives the HTTP status).</summary>
    internal static class MqttCodeMappings
    {
        public static WebPubSubErrorCode ToErrorCode(MqttV311ConnectReturnCode code) => code switch
        {
            MqttV311ConnectReturnCode.NotAuthorized => WebPubSubErrorCode.Unauthorized,
            MqttV311ConnectReturnCode.ServerUnavailable => WebPubSubErrorCode.ServerError,
            MqttV311ConnectReturnCode.UnacceptableProtocolVersion
                or MqttV311ConnectReturnCode.IdentifierRejected
                or MqttV311ConnectReturnCode.BadUsernameOrPassword => WebPubSubErrorCode.UserError,
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an MQTT 3.1.1 connect return code."),
        };

        /// <summary>
        /// <see cref="MqttV500ConnectReasonCode.UnspecifiedError"/> and <see cref="MqttV500ConnectReasonCode.ProtocolError"/>
        /// have no handler-side meaning (they describe the broker's own failures), so they are rejected like unknown codes.
        /// </summary>
        public static WebPubSubErrorCode ToErrorCode(MqttV500ConnectReasonCode code) => code switch
        {
            MqttV500ConnectReasonCode.NotAuthorized => WebPubSubErrorCode.Unauthorized,
            MqttV500ConnectReasonCode.BadUserNameOrPassword
                or MqttV500ConnectReasonCode.ClientIdentifierNotValid
                or MqttV500ConnectReasonCode.MalformedPacket
                or MqttV500ConnectReasonCode.UnsupportedProtocolVersion
                or MqttV500ConnectReasonCode.BadAuthenticationMethod
                or MqttV500ConnectReasonCode.TopicNameInvalid
                or MqttV500ConnectReasonCode.PayloadFormatInvalid
                or MqttV500ConnectReasonCode.Banned
                or MqttV500ConnectReasonCode.ConnectionRateExceeded
                or MqttV500ConnectReasonCode.ImplementationSpecificError => WebPubSubErrorCode.UserError,
            MqttV500ConnectReasonCode.ServerUnavailable
                or MqttV500ConnectReasonCode.ServerBusy
                or MqttV500ConnectReasonCode.PacketTooLarge
                or MqttV500ConnectReasonCode.QuotaExceeded
                or MqttV500ConnectReasonCode.RetainNotSupported
                or MqttV500ConnectReasonCode.QosNotSupported
                or MqttV500ConnectReasonCode.UseAnotherServer
                or MqttV500ConnectReasonCode.ServerMoved => WebPubSubErrorCode.ServerError,
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "This MQTT 5.0 reason code cannot be returned by an event handler."),
        };

        /// <summary>
        /// Maps a raw code from the wire. MQTT 3.1.1 codes (1-5) and MQTT 5.0 codes (128+) do not overlap, so the number
        /// alone identifies the table.
        /// </summary>
        public static bool TryGetErrorCode(int mqttCode, out WebPubSubErrorCode errorCode)
        {
            errorCode = WebPubSubErrorCode.ServerError;
            try
            {
                if (mqttCode >= 1 && mqttCode <= 5)
                {
                    errorCode = ToErrorCode((MqttV311ConnectReturnCode)mqttCode);
                    return true;
                }

                if (mqttCode >= 128 && mqttCode <= byte.MaxValue)
                {
                    errorCode = ToErrorCode((MqttV500ConnectReasonCode)mqttCode);
                    return true;
                }
            }
            catch (ArgumentOutOfRangeException)
            {
            }

            return false;
        }

        public static MqttV311ConnectReturnCode ToMqttV311(WebPubSubErrorCode code) => code switch
        {
            WebPubSubErrorCode.Unauthorized => MqttV311ConnectReturnCode.NotAuthorized,
            WebPubSubErrorCode.UserError => MqttV311ConnectReturnCode.BadUsernameOrPassword,
            _ => MqttV311ConnectReturnCode.ServerUnavailable,
        };

        public static MqttV500ConnectReasonCode ToMqttV500(WebPubSubErrorCode code) => code switch
        {
            WebPubSubErrorCode.Unauthorized => MqttV500ConnectReasonCode.NotAuthorized,
            WebPubSubErrorCode.UserError => MqttV500ConnectReasonCode.BadUserNameOrPassword,
            _ => MqttV500ConnectReasonCode.ServerUnavailable,
        };
    }
}
