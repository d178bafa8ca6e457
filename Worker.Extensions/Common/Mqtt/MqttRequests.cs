using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>An MQTT client wants to connect (beyond upstream's worker package).</summary>
    public sealed class MqttConnectEventRequest : ConnectEventRequest
    {
        [JsonPropertyName("mqtt")]
        public MqttConnectProperties Mqtt { get; set; } = null!;

        public static MqttConnectEventResponse CreateMqttResponse(string? userId, IEnumerable<string>? groups, IEnumerable<string>? roles) =>
            new(userId, groups, roles);

        /// <summary>An MQTT 3.1.1 refusal; throws when the client speaks another version.</summary>
        public MqttConnectEventErrorResponse CreateMqttV311ErrorResponse(MqttV311ConnectReturnCode code, string? message = null) =>
            Mqtt?.ProtocolVersion == MqttProtocolVersion.V311
                ? new MqttConnectEventErrorResponse(code, message)
                : throw new InvalidOperationException("The MQTT protocol version of the client is not 3.1.1.");

        /// <summary>An MQTT 5.0 refusal; throws when the client speaks another version.</summary>
        public MqttConnectEventErrorResponse CreateMqttV50ErrorResponse(MqttV500ConnectReasonCode code, string? message = null) =>
            Mqtt?.ProtocolVersion == MqttProtocolVersion.V500
                ? new MqttConnectEventErrorResponse(code, message)
                : throw new InvalidOperationException("The MQTT protocol version of the client is not 5.0.");
    }

    public sealed class MqttConnectProperties
    {
        [JsonPropertyName("protocolVersion")]
        public MqttProtocolVersion ProtocolVersion { get; set; }

        [JsonPropertyName("username")]
        public string? Username { get; set; }

        /// <summary>The CONNECT packet's password, base64-encoded as the service sends it.</summary>
        [JsonPropertyName("password")]
        public string? Password { get; set; }

        [JsonPropertyName("userProperties")]
        public IReadOnlyList<MqttUserProperty>? UserProperties { get; set; }
    }

    /// <summary>An MQTT client disconnected (beyond upstream's worker package).</summary>
    public sealed class MqttDisconnectedEventRequest : DisconnectedEventRequest
    {
        [JsonPropertyName("mqtt")]
        public MqttDisconnectedEventRequestProperties Mqtt { get; set; } = null!;
    }

    public sealed class MqttDisconnectedEventRequestProperties
    {
        [JsonPropertyName("initiatedByClient")]
        public bool InitiatedByClient { get; set; }

        [JsonPropertyName("disconnectPacket")]
        public MqttDisconnectPacketProperties? DisconnectPacket { get; set; }
    }

    public sealed class MqttDisconnectPacketProperties
    {
        [JsonPropertyName("code")]
        public MqttDisconnectReasonCode Code { get; set; }

        [JsonPropertyName("userProperties")]
        public IReadOnlyList<MqttUserProperty>? UserProperties { get; set; }
    }
}
