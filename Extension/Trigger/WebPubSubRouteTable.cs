using System;
using System.Collections.Generic;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger
{
    /// <summary>
    /// Which function handles which (hub, event type, event name, client protocol). Listeners register when the
    /// host starts and unregister when it stops. Hub and event names compare case-insensitively because the
    /// service may lower-case hubs.
    /// </summary>
    internal sealed class WebPubSubRouteTable
    {
        private readonly object _lock = new();
        private Dictionary<RouteKey, WebPubSubRoute> _routes = new();

        /// <summary>Every registered route; a snapshot, safe to enumerate while listeners come and go.</summary>
        public IReadOnlyCollection<WebPubSubRoute> Routes => _routes.Values;

        public void Register(WebPubSubRoute route)
        {
            lock (_lock)
            {
                if (_routes.TryGetValue(route.Key, out var existing))
                {
                    throw new InvalidOperationException(
                        $"Functions '{existing.FunctionName}' and '{route.FunctionName}' both handle {route.Key}. " +
                        "Each hub, event type, event name and client protocol can have one function only.");
                }
                // Copy on write: requests read the table without locks.
                _routes = new Dictionary<RouteKey, WebPubSubRoute>(_routes) { [route.Key] = route };
            }
        }

        public void Unregister(WebPubSubRoute route)
        {
            lock (_lock)
            {
                if (_routes.TryGetValue(route.Key, out var existing) && ReferenceEquals(existing, route))
                {
                    var copy = new Dictionary<RouteKey, WebPubSubRoute>(_routes);
                    copy.Remove(route.Key);
                    _routes = copy;
                }
            }
        }

        /// <summary>The event name of a function that handles every event of its type no other function handles.</summary>
        public const string AnyEvent = "*";

        /// <summary>
        /// The most specific function: this event name before <c>*</c>, and for each, a function for this client
        /// protocol before one that accepts every protocol.
        /// </summary>
        public WebPubSubRoute? Find(CloudEventsHeaders headers)
        {
            var routes = _routes;
            var protocol = headers.IsMqtt ? WebPubSubTriggerAcceptedClientProtocols.Mqtt : WebPubSubTriggerAcceptedClientProtocols.WebPubSub;
            return Lookup(headers.EventName) ?? Lookup(AnyEvent);

            WebPubSubRoute? Lookup(string eventName) =>
                routes.TryGetValue(new RouteKey(headers.Hub, headers.EventType, eventName, protocol), out var route)
                || routes.TryGetValue(new RouteKey(headers.Hub, headers.EventType, eventName, WebPubSubTriggerAcceptedClientProtocols.All), out route)
                    ? route
                    : null;
        }
    }

    /// <summary>The routing key of a trigger function.</summary>
    internal readonly struct RouteKey : IEquatable<RouteKey>
    {
        public RouteKey(string hub, WebPubSubEventType eventType, string eventName, WebPubSubTriggerAcceptedClientProtocols protocols)
        {
            Hub = hub;
            EventType = eventType;
            EventName = eventName;
            Protocols = protocols;
        }

        public string Hub { get; }
        public WebPubSubEventType EventType { get; }
        public string EventName { get; }
        public WebPubSubTriggerAcceptedClientProtocols Protocols { get; }

        public bool Equals(RouteKey other) =>
            EventType == other.EventType && Protocols == other.Protocols
            && StringComparer.OrdinalIgnoreCase.Equals(Hub, other.Hub)
            && StringComparer.OrdinalIgnoreCase.Equals(EventName, other.EventName);

        public override bool Equals(object? obj) => obj is RouteKey other && Equals(other);

        public override int GetHashCode() =>
            (StringComparer.OrdinalIgnoreCase.GetHashCode(Hub) * 31 + StringComparer.OrdinalIgnoreCase.GetHashCode(EventName)) * 31
            + ((int)EventType << 4 | (int)Protocols);

        public override string ToString() => $"hub '{Hub}', {EventType} event '{EventName}', client protocols {Protocols}";
    }
}
