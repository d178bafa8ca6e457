using System;
using System.Collections.Generic;
using System.Linq;

namespace WebPubSubStandIn.Configuration
{
    /// <summary>One hub's event handler (upstream): URL template, user event pattern and system events.</summary>
    public sealed class EventHandlerSettings
    {
        private static readonly string[] AllSystemEvents = { "connect", "connected", "disconnected" };

        public EventHandlerSettings(string urlTemplate, string? userEventPattern, string? systemEvents)
        {
            UrlTemplate = urlTemplate;
            UserEventPattern = string.IsNullOrWhiteSpace(userEventPattern) ? "*" : userEventPattern.Trim();
            UserEvents = UserEventPattern.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            SystemEvents = systemEvents == null
                ? new HashSet<string>(AllSystemEvents, StringComparer.OrdinalIgnoreCase)
                : new HashSet<string>(systemEvents.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
        }

        public string UrlTemplate { get; }

        public string UserEventPattern { get; }

        public IReadOnlyList<string> UserEvents { get; }

        public ISet<string> SystemEvents { get; }

        public bool HandlesSystemEvent(string eventName) => SystemEvents.Contains(eventName);

        public bool HandlesUserEvent(string eventName)
            => UserEvents.Any(e => e == "*" || string.Equals(e, eventName, StringComparison.OrdinalIgnoreCase));

        /// <summary>The URL for one call: <c>{hub}</c> and <c>{event}</c> replaced (escaped).</summary>
        public Uri ResolveUrl(string hub, string eventName)
            => new Uri(UrlTemplate
                .Replace("{hub}", Uri.EscapeDataString(hub), StringComparison.OrdinalIgnoreCase)
                .Replace("{event}", Uri.EscapeDataString(eventName), StringComparison.OrdinalIgnoreCase));
    }
}
