using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Connection context of an MQTT client, which adds the physical connection and the MQTT session.</summary>
    [DataContract]
    public class MqttConnectionContext : WebPubSubConnectionContext
    {
        public MqttConnectionContext(
            WebPubSubEventType eventType,
            string eventName,
            string hub,
            string connectionId,
            string physicalConnectionId,
            string? sessionId,
            string? userId = null,
            string? signature = null,
            string? origin = null,
            IReadOnlyDictionary<string, BinaryData>? connectionStates = null,
            IReadOnlyDictionary<string, string[]>? headers = null)
            : base(eventType, eventName, hub, connectionId, userId, signature, origin, connectionStates, headers)
        {
            PhysicalConnectionId = physicalConnectionId;
            SessionId = sessionId;
        }

        [DataMember(Name = "physicalConnectionId")]
        [JsonPropertyName("physicalConnectionId")]
        public string PhysicalConnectionId { get; }

        [DataMember(Name = "sessionId")]
        [JsonPropertyName("sessionId")]
        public string? SessionId { get; }
    }
}
