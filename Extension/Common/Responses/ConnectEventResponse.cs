using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Accepts a connection, optionally setting its user, groups, subprotocol, roles and states.</summary>
    [DataContract]
    public class ConnectEventResponse : WebPubSubEventResponse
    {
        public ConnectEventResponse()
        {
        }

        public ConnectEventResponse(string? userId, IEnumerable<string>? groups, string? subprotocol, IEnumerable<string>? roles)
        {
            UserId = userId;
            Groups = groups?.ToArray();
            Subprotocol = subprotocol;
            Roles = roles?.ToArray();
        }

        [DataMember(Name = "userId")]
        [JsonPropertyName("userId")]
        public string? UserId { get; set; }

        [DataMember(Name = "groups")]
        [JsonPropertyName("groups")]
        public string[]? Groups { get; set; }

        [DataMember(Name = "subprotocol")]
        [JsonPropertyName("subprotocol")]
        public string? Subprotocol { get; set; }

        [DataMember(Name = "roles")]
        [JsonPropertyName("roles")]
        public string[]? Roles { get; set; }

        /// <summary>States set on this response (empty, never null, after <see cref="ClearStates"/>).</summary>
        [IgnoreDataMember]
        [JsonIgnore]
        public IReadOnlyDictionary<string, BinaryData> ConnectionStates => PendingStates;

        /// <summary>Legacy view of <see cref="ConnectionStates"/>: values as JSON text.</summary>
        [IgnoreDataMember]
        [JsonIgnore]
        public IReadOnlyDictionary<string, object> States => ConnectionStateValues.ToLegacyView(PendingStates);

        public void SetState(string key, BinaryData value) => SetStateCore(key, value);

        /// <summary>Stores the JSON serialisation of <paramref name="value"/> (reflection-based).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
#if NET5_0_OR_GREATER
        [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("The value is serialised to JSON by reflection.")]
        [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("The value is serialised to JSON by reflection.")]
#endif
        public void SetState(string key, object value) => SetStateCore(key, ConnectionStateValues.FromObject(value));

        /// <summary>Drops every state of the connection, including those set earlier on this response.</summary>
        public void ClearStates() => ClearStatesCore();
    }
}
