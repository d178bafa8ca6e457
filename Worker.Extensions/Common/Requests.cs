using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>
    /// An event from the service. The package's converter reads trigger and context JSON with its own options, so
    /// these bind whatever <c>WorkerOptions.Serializer</c> the app uses.
    /// </summary>
    [InputConverter(typeof(WebPubSubInputConverter))]
    public abstract class WebPubSubEventRequest
    {
        [JsonPropertyName("connectionContext")]
        public WebPubSubConnectionContext ConnectionContext { get; set; } = null!;
    }

    /// <summary>A client wants to connect. MQTT clients arrive as <see cref="MqttConnectEventRequest"/>.</summary>
    public class ConnectEventRequest : WebPubSubEventRequest
    {
        [JsonPropertyName("claims")]
        public IReadOnlyDictionary<string, string[]>? Claims { get; set; }

        [JsonPropertyName("query")]
        public IReadOnlyDictionary<string, string[]>? Query { get; set; }

        [JsonPropertyName("headers")]
        public IReadOnlyDictionary<string, string[]>? Headers { get; set; }

        [JsonPropertyName("subprotocols")]
        public IReadOnlyList<string>? Subprotocols { get; set; }

        [JsonPropertyName("clientCertificates")]
        public IReadOnlyList<WebPubSubClientCertificate>? ClientCertificates { get; set; }

        public static ConnectEventResponse CreateResponse(string? userId, IEnumerable<string>? groups, string? subprotocol, IEnumerable<string>? roles) =>
            new(userId, groups, subprotocol, roles);

        public static EventErrorResponse CreateErrorResponse(WebPubSubErrorCode code, string? message) => new(code, message);
    }

    public sealed class ConnectedEventRequest : WebPubSubEventRequest
    {
    }

    public sealed class UserEventRequest : WebPubSubEventRequest
    {
        [JsonPropertyName("data")]
        [JsonConverter(typeof(PayloadJsonConverter))]
        public BinaryData? Data { get; set; }

        [JsonPropertyName("dataType")]
        public WebPubSubDataType DataType { get; set; }

        public static UserEventResponse CreateResponse(BinaryData data, WebPubSubDataType dataType) => new(data, dataType);

        public static UserEventResponse CreateResponse(string data, WebPubSubDataType dataType = WebPubSubDataType.Text) => new(data, dataType);

        public static EventErrorResponse CreateErrorResponse(WebPubSubErrorCode code, string? message) => new(code, message);
    }

    /// <summary>A client disconnected. MQTT clients arrive as <see cref="MqttDisconnectedEventRequest"/>.</summary>
    public class DisconnectedEventRequest : WebPubSubEventRequest
    {
        [JsonPropertyName("reason")]
        public string? Reason { get; set; }
    }

    /// <summary>The abuse-protection handshake, in <see cref="WebPubSubContext"/> only.</summary>
    public sealed class PreflightRequest : WebPubSubEventRequest
    {
        [JsonPropertyName("isValid")]
        public bool IsValid { get; set; }
    }

    /// <summary>A connection joined a group (group presence, beyond upstream's worker package).</summary>
    public sealed class JoinedGroupEventRequest : WebPubSubEventRequest
    {
        [JsonPropertyName("group")]
        public string Group { get; set; } = null!;
    }

    /// <summary>A connection left a group (group presence, beyond upstream's worker package).</summary>
    public sealed class LeftGroupEventRequest : WebPubSubEventRequest
    {
        [JsonPropertyName("group")]
        public string Group { get; set; } = null!;
    }

    public sealed class WebPubSubClientCertificate
    {
        // No fixed name: the host writes "thumbprint" or "Thumbprint", and reading is case-insensitive.
        public string Thumbprint { get; set; } = null!;

        [JsonPropertyName("content")]
        public string? Content { get; set; }
    }
}
