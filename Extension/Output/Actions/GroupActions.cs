using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class AddConnectionToGroupAction : WebPubSubAction
    {
        public string ConnectionId { get; set; } = null!;
        public string Group { get; set; } = null!;
    }

    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class RemoveConnectionFromGroupAction : WebPubSubAction
    {
        public string ConnectionId { get; set; } = null!;
        public string Group { get; set; } = null!;
    }

    /// <summary>Addition to upstream: removes a connection from every group it joined.</summary>
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class RemoveConnectionFromAllGroupsAction : WebPubSubAction
    {
        public string ConnectionId { get; set; } = null!;
    }

    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class AddUserToGroupAction : WebPubSubAction
    {
        public string UserId { get; set; } = null!;
        public string Group { get; set; } = null!;
    }

    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class RemoveUserFromGroupAction : WebPubSubAction
    {
        public string UserId { get; set; } = null!;
        public string Group { get; set; } = null!;
    }

    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class RemoveUserFromAllGroupsAction : WebPubSubAction
    {
        public string UserId { get; set; } = null!;
    }

    /// <summary>Addition to upstream: adds the connections an OData filter selects to groups (all connections when no filter).</summary>
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class AddConnectionsToGroupsAction : WebPubSubAction
    {
        public IList<string> Groups { get; set; } = new List<string>();
        public string? Filter { get; set; }
    }

    /// <summary>Addition to upstream: removes the connections an OData filter selects from groups (all connections when no filter).</summary>
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class RemoveConnectionsFromGroupsAction : WebPubSubAction
    {
        public IList<string> Groups { get; set; } = new List<string>();
        public string? Filter { get; set; }
    }
}
