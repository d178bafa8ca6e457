using System;
using System.Collections.Generic;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// Step: read the CloudEvents headers of an event request. A missing or malformed required header is a 400
    /// whose message names the header.
    /// </summary>
    internal static class CloudEventsParser
    {
        private const string SystemPrefix = "azure.webpubsub.sys.";
        private const string UserPrefix = "azure.webpubsub.user.";
        private const string GroupPresencePrefix = "azure.webpubsub.gp.";

        public static CloudEventsHeaders Parse(IncomingRequest request)
        {
            var type = Required(request, WebPubSubHeaders.Type);
            var eventType = ClassifyType(type);
            var eventName = Required(request, WebPubSubHeaders.EventName);
            var origins = OriginParser.Parse(request.GetHeader(WebPubSubHeaders.RequestOrigin));
            if (origins.Count == 0)
            {
                throw WebPubSubRequestException.BadRequest($"Missing required header '{WebPubSubHeaders.RequestOrigin}'.");
            }

            var subprotocol = request.GetFirst(WebPubSubHeaders.Subprotocol);
            var physicalConnectionId = request.GetFirst(WebPubSubHeaders.PhysicalConnectionId);
            return new CloudEventsHeaders
            {
                Hub = Required(request, WebPubSubHeaders.Hub),
                ConnectionId = Required(request, WebPubSubHeaders.ConnectionId),
                EventName = eventName,
                Type = type,
                EventType = eventType,
                Origins = origins,
                Signature = JoinAll(request.GetHeader(WebPubSubHeaders.Signature)),
                UserId = request.GetFirst(WebPubSubHeaders.UserId),
                Subprotocol = subprotocol,
                ConnectionState = request.GetFirst(WebPubSubHeaders.ConnectionState),
                PhysicalConnectionId = physicalConnectionId,
                SessionId = request.GetFirst(WebPubSubHeaders.SessionId),
                IsMqtt = physicalConnectionId != null
                    && subprotocol != null
                    && subprotocol.IndexOf("mqtt", StringComparison.OrdinalIgnoreCase) >= 0,
                Kind = KindOf(eventType, eventName),
            };
        }

        private static WebPubSubEventType ClassifyType(string type)
        {
            if (type.StartsWith(SystemPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return WebPubSubEventType.System;
            }
            if (type.StartsWith(UserPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return WebPubSubEventType.User;
            }
            if (type.StartsWith(GroupPresencePrefix, StringComparison.OrdinalIgnoreCase))
            {
                return WebPubSubEventType.GroupPresence;
            }
            throw WebPubSubRequestException.BadRequest(
                $"Header '{WebPubSubHeaders.Type}' has an unsupported value '{type}'; expected it to start with " +
                $"'{SystemPrefix}', '{UserPrefix}' or '{GroupPresencePrefix}'.");
        }

        private static RequestKind KindOf(WebPubSubEventType eventType, string eventName)
        {
            switch (eventType)
            {
                case WebPubSubEventType.User:
                    return RequestKind.User;
                case WebPubSubEventType.GroupPresence:
                    return Is(eventName, "joined") ? RequestKind.GroupJoined
                        : Is(eventName, "left") ? RequestKind.GroupLeft
                        : throw WebPubSubRequestException.BadRequest($"Unsupported group presence event '{eventName}'.");
                default:
                    return Is(eventName, "connect") ? RequestKind.Connect
                        : Is(eventName, "connected") ? RequestKind.Connected
                        : Is(eventName, "disconnected") ? RequestKind.Disconnected
                        : RequestKind.OtherSystem;
            }
        }

        private static bool Is(string value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

        private static string Required(IncomingRequest request, string name)
        {
            var value = request.GetFirst(name);
            if (string.IsNullOrEmpty(value))
            {
                throw WebPubSubRequestException.BadRequest($"Missing required header '{name}'.");
            }
            return value!;
        }

        private static string? JoinAll(IReadOnlyList<string> values) =>
            values.Count switch { 0 => null, 1 => values[0], _ => string.Join(",", values) };
    }
}
