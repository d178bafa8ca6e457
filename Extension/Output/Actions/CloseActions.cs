using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class CloseAllConnectionsAction : WebPubSubAction
    {
        public IList<string> Excluded { get; set; } = null!;
        public string? Reason { get; set; }
    }

    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class CloseClientConnectionAction : WebPubSubAction
    {
        public string ConnectionId { get; set; } = null!;
        public string? Reason { get; set; }
    }

    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class CloseGroupConnectionsAction : WebPubSubAction
    {
        public string Group { get; set; } = null!;
        public IList<string> Excluded { get; set; } = null!;
        public string? Reason { get; set; }
    }

    /// <summary>Addition to upstream: closes every connection of a user.</summary>
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class CloseUserConnectionsAction : WebPubSubAction
    {
        public string UserId { get; set; } = null!;
        public IList<string> Excluded { get; set; } = null!;
        public string? Reason { get; set; }
    }
}
