using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    [DataContract]
    public sealed class CloseAllConnectionsAction : WebPubSubAction
    {
        [DataMember(Name = "excluded")]
        public IList<string> Excluded { get; set; } = new List<string>();

        [DataMember(Name = "reason", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Reason { get; set; }
    }

    [DataContract]
    public sealed class CloseClientConnectionAction : WebPubSubAction
    {
        [DataMember(Name = "connectionId")]
        public string ConnectionId { get; set; } = null!;

        [DataMember(Name = "reason", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Reason { get; set; }
    }

    [DataContract]
    public sealed class CloseGroupConnectionsAction : WebPubSubAction
    {
        [DataMember(Name = "group")]
        public string Group { get; set; } = null!;

        [DataMember(Name = "excluded")]
        public IList<string> Excluded { get; set; } = new List<string>();

        [DataMember(Name = "reason", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Reason { get; set; }
    }

    /// <summary>Closes every connection of a user (beyond upstream's worker package).</summary>
    [DataContract]
    public sealed class CloseUserConnectionsAction : WebPubSubAction
    {
        [DataMember(Name = "userId")]
        public string UserId { get; set; } = null!;

        [DataMember(Name = "excluded")]
        public IList<string> Excluded { get; set; } = new List<string>();

        [DataMember(Name = "reason", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Reason { get; set; }
    }
}
