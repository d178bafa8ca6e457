using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using NewtonsoftJsonConverter = Newtonsoft.Json.JsonConverterAttribute;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Who sent an event and through which hub, taken from the CloudEvents headers of the request.</summary>
    [DataContract]
    public class WebPubSubConnectionContext
    {
        private IReadOnlyDictionary<string, object>? _legacyStates;

        public WebPubSubConnectionContext(
            WebPubSubEventType eventType,
            string eventName,
            string hub,
            string connectionId,
            string? userId = null,
            string? signature = null,
            string? origin = null,
            IReadOnlyDictionary<string, BinaryData>? connectionStates = null,
            IReadOnlyDictionary<string, string[]>? headers = null)
        {
            EventType = eventType;
            EventName = eventName;
            Hub = hub;
            ConnectionId = connectionId;
            UserId = userId;
            Signature = signature;
            Origin = origin;
            ConnectionStates = connectionStates ?? ConnectionStateValues.Empty;
            Headers = headers;
        }

        /// <summary>Pre-<see cref="BinaryData"/> constructor: non-binary state values are stored as their JSON text.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public WebPubSubConnectionContext(
            WebPubSubEventType eventType,
            string eventName,
            string hub,
            string connectionId,
            string? userId,
            string? signature,
            string? origin,
            IReadOnlyDictionary<string, object>? states,
            IReadOnlyDictionary<string, string[]>? headers)
            : this(eventType, eventName, hub, connectionId, userId, signature, origin, ConnectionStateValues.FromObjects(states), headers)
        {
        }

        [DataMember(Name = "eventType")]
        [JsonPropertyName("eventType")]
        [NewtonsoftJsonConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
        public WebPubSubEventType EventType { get; }

        [DataMember(Name = "eventName")]
        [JsonPropertyName("eventName")]
        public string EventName { get; }

        [DataMember(Name = "hub")]
        [JsonPropertyName("hub")]
        public string Hub { get; }

        [DataMember(Name = "connectionId")]
        [JsonPropertyName("connectionId")]
        public string ConnectionId { get; }

        [DataMember(Name = "userId")]
        [JsonPropertyName("userId")]
        public string? UserId { get; }

        [DataMember(Name = "signature")]
        [JsonPropertyName("signature")]
        public string? Signature { get; }

        [DataMember(Name = "origin")]
        [JsonPropertyName("origin")]
        public string? Origin { get; }

        /// <summary>The connection's states; empty (never null) when it has none.</summary>
        [DataMember(Name = "states")]
        [JsonPropertyName("states")]
        [NewtonsoftJsonConverter(typeof(ConnectionStatesNewtonsoftConverter))]
        public IReadOnlyDictionary<string, BinaryData> ConnectionStates { get; }

        /// <summary>Legacy view of <see cref="ConnectionStates"/>: same keys, values as JSON text.</summary>
        [IgnoreDataMember]
        [JsonIgnore]
        [JsonPropertyName("states")]
        public IReadOnlyDictionary<string, object> States =>
            _legacyStates ??= ConnectionStateValues.ToLegacyView(ConnectionStates);

        [DataMember(Name = "headers")]
        [JsonPropertyName("headers")]
        public IReadOnlyDictionary<string, string[]>? Headers { get; }
    }
}
