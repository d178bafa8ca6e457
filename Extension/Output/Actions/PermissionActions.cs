using Azure.Messaging.WebPubSub;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class GrantPermissionAction : WebPubSubAction
    {
        public string ConnectionId { get; set; } = null!;
        public WebPubSubPermission Permission { get; set; }

        /// <summary>The group the permission applies to.</summary>
        public string TargetName { get; set; } = null!;
    }

    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class RevokePermissionAction : WebPubSubAction
    {
        public string ConnectionId { get; set; } = null!;
        public WebPubSubPermission Permission { get; set; }
        public string TargetName { get; set; } = null!;
    }
}
