using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    [DataContract]
    public sealed class AddUserToGroupAction : WebPubSubAction
    {
        [DataMember(Name = "userId")]
        public string UserId { get; set; } = null!;

        [DataMember(Name = "group")]
        public string Group { get; set; } = null!;
    }

    [DataContract]
    public sealed class RemoveUserFromGroupAction : WebPubSubAction
    {
        [DataMember(Name = "userId")]
        public string UserId { get; set; } = null!;

        [DataMember(Name = "group")]
        public string Group { get; set; } = null!;
    }

    [DataContract]
    public sealed class RemoveUserFromAllGroupsAction : WebPubSubAction
    {
        [DataMember(Name = "userId")]
        public string UserId { get; set; } = null!;
    }

    [DataContract]
    public sealed class AddConnectionToGroupAction : WebPubSubAction
    {
        [DataMember(Name = "connectionId")]
        public string ConnectionId { get; set; } = null!;

        [DataMember(Name = "group")]
        public string Group { get; set; } = null!;
    }

    [DataContract]
    public sealed class RemoveConnectionFromGroupAction : WebPubSubAction
    {
        [DataMember(Name = "connectionId")]
        public string ConnectionId { get; set; } = null!;

        [DataMember(Name = "group")]
        public string Group { get; set; } = null!;
    }

    /// <summary>Removes a connection from every group (beyond upstream's worker package).</summary>
    [DataContract]
    public sealed class RemoveConnectionFromAllGroupsAction : WebPubSubAction
    {
        [DataMember(Name = "connectionId")]
        public string ConnectionId { get; set; } = null!;
    }

    /// <summary>Adds the connections a filter selects to groups (beyond upstream's worker package).</summary>
    [DataContract]
    public sealed class AddConnectionsToGroupsAction : WebPubSubAction
    {
        [DataMember(Name = "groups")]
        public IList<string> Groups { get; set; } = new List<string>();

        /// <summary>OData filter selecting the connections.</summary>
        [DataMember(Name = "filter", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Filter { get; set; }
    }

    /// <summary>Removes the connections a filter selects from groups (beyond upstream's worker package).</summary>
    [DataContract]
    public sealed class RemoveConnectionsFromGroupsAction : WebPubSubAction
    {
        [DataMember(Name = "groups")]
        public IList<string> Groups { get; set; } = new List<string>();

        /// <summary>OData filter selecting the connections.</summary>
        [DataMember(Name = "filter", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Filter { get; set; }
    }
}
