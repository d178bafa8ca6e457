using System;
using System.Collections.Generic;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>Sends a message to every connection of the hub.</summary>
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class SendToAllAction : WebPubSubAction
    {
        [JsonConverter(typeof(ActionDataJsonConverter))]
        public BinaryData Data { get; set; } = null!;

        public WebPubSubDataType DataType { get; set; } = WebPubSubDataType.Text;

        /// <summary>Connection ids that do not get the message.</summary>
        public IList<string> Excluded { get; set; } = new List<string>();

        /// <summary>Addition to upstream: an OData filter selecting the receivers, e.g. <c>'room' in groups</c>.</summary>
        public string? Filter { get; set; }

        /// <summary>Addition to upstream: seconds (1–300) a slow client may take before the message is dropped.</summary>
        public int? MessageTtlSeconds { get; set; }
    }

    /// <summary>Sends a message to one connection.</summary>
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class SendToConnectionAction : WebPubSubAction
    {
        public string ConnectionId { get; set; } = null!;

        [JsonConverter(typeof(ActionDataJsonConverter))]
        public BinaryData Data { get; set; } = null!;

        public WebPubSubDataType DataType { get; set; } = WebPubSubDataType.Text;

        /// <summary>Addition to upstream: see <see cref="SendToAllAction.MessageTtlSeconds"/>.</summary>
        public int? MessageTtlSeconds { get; set; }
    }

    /// <summary>Sends a message to the connections in a group.</summary>
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class SendToGroupAction : WebPubSubAction
    {
        public string Group { get; set; } = null!;

        [JsonConverter(typeof(ActionDataJsonConverter))]
        public BinaryData Data { get; set; } = null!;

        public WebPubSubDataType DataType { get; set; } = WebPubSubDataType.Text;

        public IList<string> Excluded { get; set; } = new List<string>();

        /// <summary>Addition to upstream: see <see cref="SendToAllAction.Filter"/>.</summary>
        public string? Filter { get; set; }

        /// <summary>Addition to upstream: see <see cref="SendToAllAction.MessageTtlSeconds"/>.</summary>
        public int? MessageTtlSeconds { get; set; }
    }

    /// <summary>Sends a message to every connection of a user.</summary>
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class SendToUserAction : WebPubSubAction
    {
        public string UserId { get; set; } = null!;

        [JsonConverter(typeof(ActionDataJsonConverter))]
        public BinaryData Data { get; set; } = null!;

        public WebPubSubDataType DataType { get; set; } = WebPubSubDataType.Text;

        /// <summary>Addition to upstream: see <see cref="SendToAllAction.Filter"/>.</summary>
        public string? Filter { get; set; }

        /// <summary>Addition to upstream: see <see cref="SendToAllAction.MessageTtlSeconds"/>.</summary>
        public int? MessageTtlSeconds { get; set; }
    }
}
