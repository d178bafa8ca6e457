using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace WebPubSubStandIn.Configuration
{
    /// <summary>
    /// One managed identity served by the identity endpoint (<c>StandIn:Identities:&lt;name&gt;</c>): its ids, its
    /// data-plane roles, and four test knobs: the lifetime of its tokens (negative = already expired), the lifetime
    /// the endpoint states in <c>expires_on</c> (default the same; differing = a clock skew between the identity
    /// endpoint and the service), a status the endpoint answers instead of a token, and a delay before it answers.
    /// </summary>
    public sealed class ManagedIdentitySettings
    {
        private ManagedIdentitySettings(string name, string clientId, string principalId, string? resourceId, IReadOnlyList<string> roles,
            bool systemAssigned, TimeSpan tokenLifetime, TimeSpan statedLifetime, int? failureStatus, TimeSpan responseDelay)
        {
            ResponseDelay = responseDelay;
            StatedLifetime = statedLifetime;
            Name = name;
            ClientId = clientId;
            PrincipalId = principalId;
            ResourceId = resourceId;
            Roles = roles;
            SystemAssigned = systemAssigned;
            TokenLifetime = tokenLifetime;
            FailureStatus = failureStatus;
        }

        public string Name { get; }

        public string ClientId { get; }

        public string PrincipalId { get; }

        public string? ResourceId { get; }

        public IReadOnlyList<string> Roles { get; }

        /// <summary>The identity used when the caller names none (a system-assigned identity).</summary>
        public bool SystemAssigned { get; }

        public TimeSpan TokenLifetime { get; }

        /// <summary>The lifetime the endpoint's <c>expires_on</c> states (<c>StatedLifetimeSeconds</c>).</summary>
        public TimeSpan StatedLifetime { get; }

        public int? FailureStatus { get; }

        /// <summary>How long the endpoint waits before it answers (<c>ResponseDelaySeconds</c>): a slow identity endpoint.</summary>
        public TimeSpan ResponseDelay { get; }

        public static ManagedIdentitySettings FromConfiguration(IConfigurationSection section)
        {
            string Setting(string key) => $"StandIn:Identities:{section.Key}:{key}";
            double lifetime = Seconds(section, "TokenLifetimeSeconds", 3600);
            double stated = Seconds(section, "StatedLifetimeSeconds", lifetime);
            int? failure = null;
            var failureText = section["FailureStatus"];
            if (!string.IsNullOrEmpty(failureText))
            {
                if (!int.TryParse(failureText, out int status) || status < 400 || status > 599)
                {
                    throw new InvalidOperationException($"{Setting("FailureStatus")} '{failureText}' must be an HTTP error status.");
                }
                failure = status;
            }
            var systemText = section["SystemAssigned"];
            bool system = false;
            if (!string.IsNullOrEmpty(systemText) && !bool.TryParse(systemText, out system))
            {
                throw new InvalidOperationException($"{Setting("SystemAssigned")} '{systemText}' must be true or false.");
            }
            var resourceId = section["ResourceId"];
            return new ManagedIdentitySettings(
                section.Key,
                OrNewGuid(section["ClientId"]),
                OrNewGuid(section["PrincipalId"]),
                string.IsNullOrEmpty(resourceId) ? null : resourceId,
                SplitList(section["Roles"]),
                system,
                TimeSpan.FromSeconds(lifetime),
                TimeSpan.FromSeconds(stated),
                failure,
                TimeSpan.FromSeconds(Seconds(section, "ResponseDelaySeconds", 0)));
        }

        private static double Seconds(IConfigurationSection section, string key, double fallback)
        {
            var text = section[key];
            if (string.IsNullOrEmpty(text))
            {
                return fallback;
            }
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? seconds
                : throw new InvalidOperationException($"StandIn:Identities:{section.Key}:{key} '{text}' is not a number.");
        }

        internal static IReadOnlyList<string> SplitList(string? value)
            => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToArray();

        private static string OrNewGuid(string? value) => string.IsNullOrEmpty(value) ? Guid.NewGuid().ToString() : value;
    }
}
