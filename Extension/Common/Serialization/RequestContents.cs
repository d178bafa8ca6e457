using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

// Plain, settable wire shapes of the requests. The public models are immutable and constructor-only (their shape
// is fixed by upstream's API), so the source generator handles these instead and converters map between the two.
namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    internal sealed class ConnectionContextContent
    {
        // MQTT-only fields come first and are left out for plain WebSocket connections.
        [JsonPropertyName("physicalConnectionId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? PhysicalConnectionId { get; set; }

        [JsonPropertyName("sessionId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? SessionId { get; set; }

        [JsonPropertyName("eventType")]
        [JsonConverter(typeof(NamedEnumJsonConverter<WebPubSubEventType>))]
        public WebPubSubEventType EventType { get; set; }

        [JsonPropertyName("eventName")]
        public string? EventName { get; set; }

        [JsonPropertyName("hub")]
        public string? Hub { get; set; }

        [JsonPropertyName("connectionId")]
        public string? ConnectionId { get; set; }

        [JsonPropertyName("userId")]
        public string? UserId { get; set; }

        [JsonPropertyName("signature")]
        public string? Signature { get; set; }

        [JsonPropertyName("origin")]
        public string? Origin { get; set; }

        [JsonPropertyName("states")]
        [JsonConverter(typeof(ConnectionStatesJsonConverter))]
        public IReadOnlyDictionary<string, BinaryData>? States { get; set; }

        [JsonPropertyName("headers")]
        public IReadOnlyDictionary<string, string[]>? Headers { get; set; }
    }

    internal sealed class ClientCertificateContent
    {
        [JsonPropertyName("thumbprint")]
        public string? Thumbprint { get; set; }

        [JsonPropertyName("content")]
        public string? Content { get; set; }
    }

    internal sealed class MqttConnectPropertiesContent
    {
        [JsonPropertyName("protocolVersion")]
        [JsonRequired]
        public MqttProtocolVersion ProtocolVersion { get; set; }

        [JsonPropertyName("username")]
        public string? Username { get; set; }

        [JsonPropertyName("password")]
        public string? Password { get; set; }

        [JsonPropertyName("userProperties")]
        public IReadOnlyList<MqttUserProperty>? UserProperties { get; set; }
    }

    internal sealed class MqttDisconnectPacketContent
    {
        [JsonPropertyName("code")]
        [JsonRequired]
        public MqttDisconnectReasonCode Code { get; set; }

        [JsonPropertyName("userProperties")]
        public IReadOnlyList<MqttUserProperty>? UserProperties { get; set; }
    }

    internal sealed class MqttDisconnectedPropertiesContent
    {
        [JsonPropertyName("initiatedByClient")]
        [JsonRequired]
        public bool InitiatedByClient { get; set; }

        [JsonPropertyName("disconnectPacket")]
        public MqttDisconnectPacketContent? DisconnectPacket { get; set; }
    }

    internal class EventRequestContent
    {
        [JsonPropertyName("connectionContext")]
        public ConnectionContextContent? ConnectionContext { get; set; }
    }

    internal sealed class ConnectEventRequestContent : EventRequestContent
    {
        [JsonPropertyName("claims")]
        [JsonConverter(typeof(StringArrayMapJsonConverter))]
        public IReadOnlyDictionary<string, string[]>? Claims { get; set; }

        [JsonPropertyName("query")]
        [JsonConverter(typeof(StringArrayMapJsonConverter))]
        public IReadOnlyDictionary<string, string[]>? Query { get; set; }

        [JsonPropertyName("headers")]
        [JsonConverter(typeof(StringArrayMapJsonConverter))]
        public IReadOnlyDictionary<string, string[]>? Headers { get; set; }

        [JsonPropertyName("subprotocols")]
        [JsonConverter(typeof(StringArrayJsonConverter))]
        public IReadOnlyList<string>? Subprotocols { get; set; }

        [JsonPropertyName("clientCertificates")]
        [JsonConverter(typeof(ClientCertificatesJsonConverter))]
        public IReadOnlyList<ClientCertificateContent>? ClientCertificates { get; set; }

        [JsonPropertyName("mqtt")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public MqttConnectPropertiesContent? Mqtt { get; set; }
    }

    internal sealed class DisconnectedEventRequestContent : EventRequestContent
    {
        [JsonPropertyName("reason")]
        public string? Reason { get; set; }

        [JsonPropertyName("mqtt")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public MqttDisconnectedPropertiesContent? Mqtt { get; set; }
    }

    internal sealed class UserEventRequestContent : EventRequestContent
    {
        [JsonPropertyName("data")]
        [JsonConverter(typeof(BinaryDataPayloadJsonConverter))]
        public BinaryData? Data { get; set; }

        [JsonPropertyName("dataType")]
        [JsonConverter(typeof(NamedEnumJsonConverter<WebPubSubDataType>))]
        public WebPubSubDataType DataType { get; set; }
    }

    internal sealed class GroupEventRequestContent : EventRequestContent
    {
        [JsonPropertyName("group")]
        public string? Group { get; set; }
    }

    internal sealed class PreflightRequestContent
    {
        [JsonPropertyName("isValid")]
        public bool IsValid { get; set; }
    }
}
