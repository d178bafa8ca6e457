using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>The <c>connect</c> event of an MQTT client; rejections are answered with MQTT CONNACK codes.</summary>
    [DataContract]
    public class MqttConnectEventRequest : ConnectEventRequest
    {
        private static readonly string[] MqttSubprotocols = { "mqtt" };

        public MqttConnectEventRequest(
            MqttConnectionContext context,
            IReadOnlyDictionary<string, string[]>? claims,
            IReadOnlyDictionary<string, string[]>? query,
            IEnumerable<WebPubSubClientCertificate>? certificates,
            IReadOnlyDictionary<string, string[]>? headers,
            MqttConnectProperties mqtt)
            // Upstream reports the MQTT WebSocket subprotocol for every MQTT connect; workers and handlers read it.
            : base(context, claims, query, MqttSubprotocols, certificates, headers)
        {
            Mqtt = mqtt;
        }

        [DataMember(Name = "mqtt")]
        [JsonPropertyName("mqtt")]
        public MqttConnectProperties Mqtt { get; }

        public MqttConnectEventResponse CreateMqttResponse(string? userId, IEnumerable<string>? groups, IEnumerable<string>? roles) =>
            new MqttConnectEventResponse(userId, groups, roles);

        public MqttConnectEventErrorResponse CreateMqttV311ErrorResponse(MqttV311ConnectReturnCode code, string? message = null)
        {
            if (Mqtt.ProtocolVersion != MqttProtocolVersion.V311)
            {
                throw new InvalidOperationException("The MQTT protocol version of the client is not 3.1.1.");
            }
            return new MqttConnectEventErrorResponse(code, message);
        }

        public MqttConnectEventErrorResponse CreateMqttV50ErrorResponse(MqttV500ConnectReasonCode code, string? message = null)
        {
            if (Mqtt.ProtocolVersion != MqttProtocolVersion.V500)
            {
                throw new InvalidOperationException("The MQTT protocol version of the client is not 5.0.");
            }
            return new MqttConnectEventErrorResponse(code, message);
        }

        /// <summary>
        /// Generic rejection for code written against <see cref="ConnectEventRequest"/>: the error category is
        /// translated to the closest CONNACK code of the client's protocol version.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public override EventErrorResponse CreateErrorResponse(WebPubSubErrorCode code, string? message = null) =>
            Mqtt.ProtocolVersion switch
            {
                MqttProtocolVersion.V311 => new MqttConnectEventErrorResponse(MqttCodeMappings.ToMqttV311(code), message),
                MqttProtocolVersion.V500 => new MqttConnectEventErrorResponse(MqttCodeMappings.ToMqttV500(code), message),
                _ => throw new NotSupportedException($"MQTT protocol version {(int)Mqtt.ProtocolVersion} is not supported."),
            };
    }
}
