using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace WebPubSubStandIn.Configuration
{
    /// <summary>
    /// Microsoft Entra on the stand-in (sections <c>StandIn:Entra</c>, <c>StandIn:ManagedIdentity</c> and
    /// <c>StandIn:Identities</c>, see docs/local-loop.md): the issuer whose tokens it trusts (its own, plus an
    /// optional external one), the data-plane role assignments, and the managed identities its identity endpoint
    /// serves.
    /// </summary>
    public sealed class EntraSettings
    {
        public const string Audience = "https://webpubsub.azure.com";
        public const string DefaultTenantId = "00000000-0000-0000-0000-00000000a11d";

        private EntraSettings(string tenantId, string? identityHeader, IReadOnlyList<ManagedIdentitySettings> identities,
            IReadOnlyDictionary<string, IReadOnlyList<string>> roleAssignments, string? trustedIssuer, string? trustedKeysFile)
        {
            TenantId = tenantId;
            IdentityHeader = identityHeader;
            Identities = identities;
            RoleAssignments = roleAssignments;
            TrustedIssuer = trustedIssuer;
            TrustedKeysFile = trustedKeysFile;
        }

        public string TenantId { get; }

        /// <summary>The stand-in's own issuer (<c>iss</c> of the tokens its identity endpoint issues).</summary>
        public string Issuer => "https://127.0.0.1/webpubsub-standin/" + TenantId + "/";

        /// <summary>The secret callers send as <c>X-IDENTITY-HEADER</c>; the identity endpoint is off without it.</summary>
        public string? IdentityHeader { get; }

        public IReadOnlyList<ManagedIdentitySettings> Identities { get; }

        /// <summary>Principal (object) id → data-plane role names, from <c>StandIn:Entra:RoleAssignments</c> and the identities.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> RoleAssignments { get; }

        /// <summary>An external issuer also trusted, with its signing keys as a JWKS file (both or neither).</summary>
        public string? TrustedIssuer { get; }

        public string? TrustedKeysFile { get; }

        public IReadOnlyList<string> RolesOf(string? principalId)
            => principalId != null && RoleAssignments.TryGetValue(principalId, out var roles) ? roles : Array.Empty<string>();

        public static EntraSettings FromConfiguration(IConfigurationSection standIn)
        {
            var entra = standIn.GetSection("Entra");
            var identities = standIn.GetSection("Identities").GetChildren().Select(ManagedIdentitySettings.FromConfiguration).ToArray();
            if (identities.Count(i => i.SystemAssigned) > 1)
            {
                throw new InvalidOperationException("StandIn:Identities: at most one identity can be SystemAssigned.");
            }

            var assignments = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var assignment in entra.GetSection("RoleAssignments").GetChildren())
            {
                assignments[assignment.Key] = ManagedIdentitySettings.SplitList(assignment.Value);
            }
            foreach (var identity in identities)
            {
                assignments[identity.PrincipalId] = identity.Roles;
            }

            var trustedIssuer = entra["TrustedIssuer"];
            var trustedKeys = entra["TrustedKeysFile"];
            if (string.IsNullOrEmpty(trustedIssuer) != string.IsNullOrEmpty(trustedKeys))
            {
                throw new InvalidOperationException("StandIn:Entra:TrustedIssuer and StandIn:Entra:TrustedKeysFile go together.");
            }
            var tenant = entra["TenantId"];
            return new EntraSettings(string.IsNullOrEmpty(tenant) ? DefaultTenantId : tenant, NullIfEmpty(standIn["ManagedIdentity:Header"]),
                identities, assignments, NullIfEmpty(trustedIssuer), NullIfEmpty(trustedKeys));
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
