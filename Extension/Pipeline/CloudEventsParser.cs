using System;
using System.Collections.Generic;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using Microsoft.Extensions.Primitives;

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

            var subprotocol = Optional(request, WebPubSubHeaders.Subprotocol);
            var physicalConnectionId = Optional(request, WebPubSubHeaders.PhysicalConnectionId);
            if (physicalConnectionId != null && string.IsNullOrWhiteSpace(physicalConnectionId))
            {
                throw WebPubSubRequestException.BadRequest($"Header '{WebPubSubHeaders.PhysicalConnectionId}' must not be empty.");
            }
            var connectionState = Optional(request, WebPubSubHeaders.ConnectionState);
            return new CloudEventsHeaders
            {
                Hub = Required(request, WebPubSubHeaders.Hub),
                ConnectionId = Required(request, WebPubSubHeaders.ConnectionId),
                EventName = eventName,
                Type = type,
                EventType = eventType,
                Origins = origins,
                Signature = JoinAll(request.GetHeader(WebPubSubHeaders.Signature)),
                UserId = Optional(request, WebPubSubHeaders.UserId),
                Subprotocol = subprotocol,
                ConnectionState = connectionState,
                ConnectionStates = DecodeStates(connectionState),
                PhysicalConnectionId = physicalConnectionId,
                SessionId = Optional(request, WebPubSubHeaders.SessionId),
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
                $"Header '{WebPubSubHeaders.Type}' has an unsupported value '{WebPubSubRequestException.Excerpt(type)}'; expected it to start with " +
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
                        : throw WebPubSubRequestException.BadRequest($"Unsupported group presence event '{WebPubSubRequestException.Excerpt(eventName)}'.");
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
            var value = Optional(request, name);
            if (value == null)
            {
                throw WebPubSubRequestException.BadRequest($"Missing required header '{name}'.");
            }
            if (string.IsNullOrWhiteSpace(value))
            {
                throw WebPubSubRequestException.BadRequest($"Header '{name}' must not be empty.");
            }
            return value;
        }

        /// <summary>
        /// The value of a single-valued header, or null. Different repeated values are refused rather than
        /// picking one: which connection, hub or event a request is about must never be a guess.
        /// </summary>
        private static string? Optional(IncomingRequest request, string name)
        {
            var values = request.GetHeader(name);
            for (var i = 1; i < values.Count; i++)
            {
                if (!string.Equals(values[i], values[0], StringComparison.Ordinal))
                {
                    throw WebPubSubRequestException.BadRequest($"Header '{name}' must have one value; got {values.Count} different ones.");
                }
            }
            return values.Count > 0 ? values[0] : null;
        }

        /// <summary>Undecodable states are refused: answering with empty ones would erase the connection's real states.</summary>
        private static IReadOnlyDictionary<string, BinaryData> DecodeStates(string? value) =>
            ConnectionStatesEncoding.TryDecode(value, out var states)
                ? states
                : throw WebPubSubRequestException.BadRequest(
                    $"Header '{WebPubSubHeaders.ConnectionState}' is not valid: expected base64 of a JSON object whose values are base64 strings.");

        private static string? JoinAll(StringValues values) =>
            values.Count switch { 0 => null, 1 => values[0], _ => string.Join(",", values.ToArray()) };
    }
}
