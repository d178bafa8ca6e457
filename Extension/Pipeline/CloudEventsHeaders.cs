using System.Collections.Generic;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>The CloudEvents (binary mode) headers of one Web PubSub event request, read once.</summary>
    internal sealed class CloudEventsHeaders
    {
        public string Hub { get; init; } = null!;
        public string ConnectionId { get; init; } = null!;
        public string EventName { get; init; } = null!;

        /// <summary>The raw <c>ce-type</c>, e.g. <c>azure.webpubsub.sys.connect</c>.</summary>
        public string Type { get; init; } = null!;
        public WebPubSubEventType EventType { get; init; }
        public IReadOnlyList<string> Origins { get; init; } = null!;
        public string? Signature { get; init; }
        public string? UserId { get; init; }
        public string? Subprotocol { get; init; }
        public string? ConnectionState { get; init; }

        /// <summary><see cref="ConnectionState"/> decoded; empty when absent.</summary>
        public IReadOnlyDictionary<string, System.BinaryData> ConnectionStates { get; init; } = null!;
        public string? PhysicalConnectionId { get; init; }
        public string? SessionId { get; init; }

        /// <summary>MQTT clients: <c>ce-subprotocol</c> mentions mqtt and there is a physical connection id.</summary>
        public bool IsMqtt { get; init; }

        public RequestKind Kind { get; init; }
    }
}
