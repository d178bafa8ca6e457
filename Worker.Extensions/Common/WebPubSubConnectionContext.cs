using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>Who sent the event: hub, connection, user, states and the upstream request's headers.</summary>
    [InputConverter(typeof(WebPubSubInputConverter))]
    public sealed class WebPubSubConnectionContext
    {
        [JsonPropertyName("eventType")]
        public WebPubSubEventType EventType { get; set; }

        [JsonPropertyName("eventName")]
        public string EventName { get; set; } = null!;

        [JsonPropertyName("hub")]
        public string Hub { get; set; } = null!;

        [JsonPropertyName("connectionId")]
        public string ConnectionId { get; set; } = null!;

        [JsonPropertyName("userId")]
        public string? UserId { get; set; }

        [JsonPropertyName("signature")]
        public string? Signature { get; set; }

        [JsonPropertyName("origin")]
        public string? Origin { get; set; }

        /// <summary>The connection's states: the raw bytes the service keeps (JSON text when set through <c>SetState(key, object)</c>).</summary>
        [JsonPropertyName("states")]
        [JsonConverter(typeof(ConnectionStatesJsonConverter))]
        public IReadOnlyDictionary<string, BinaryData> ConnectionStates { get; set; } = new Dictionary<string, BinaryData>();

        [JsonPropertyName("headers")]
        public IReadOnlyDictionary<string, string[]>? Headers { get; set; }

        /// <summary>MQTT connections only: the physical connection behind the session (beyond upstream's worker package).</summary>
        [JsonPropertyName("physicalConnectionId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? PhysicalConnectionId { get; set; }

        /// <summary>MQTT connections only: the MQTT session (beyond upstream's worker package).</summary>
        [JsonPropertyName("sessionId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? SessionId { get; set; }
    }
}
