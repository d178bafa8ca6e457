using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// Decides which requests come from a configured Web PubSub resource: the origin (abuse protection) must be
    /// one of the configured endpoints' hosts, and the <c>ce-signature</c> must match one of those endpoints'
    /// keys. A validator without connections accepts everything; the extension warns loudly at startup when
    /// that happens, because it means anyone can call the functions.
    /// </summary>
    internal sealed class RequestValidator
    {
        private readonly IReadOnlyDictionary<string, WebPubSubServiceAccess[]> _accessesByHost;

        public RequestValidator(IEnumerable<WebPubSubServiceAccess> accesses)
        {
            _accessesByHost = accesses
                .GroupBy(a => a.Endpoint.Host, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Accepts every request: no connection is configured.</summary>
        public static RequestValidator AcceptAll { get; } = new(Array.Empty<WebPubSubServiceAccess>());

        public bool ValidatesNothing => _accessesByHost.Count == 0;

        /// <summary>The first origin that is a configured host, or null. Any origin when nothing is configured.</summary>
        public string? FindAllowedOrigin(IReadOnlyList<string> origins)
        {
            foreach (var origin in origins)
            {
                if (ValidatesNothing || _accessesByHost.ContainsKey(origin))
                {
                    return origin;
                }
            }
            return null;
        }

        /// <summary>
        /// True when an origin is a configured host whose connection either has no key (identity-based, nothing
        /// to check) or whose key produced one of the signatures. Every candidate is checked, so a stale
        /// secondary key or a replica listed first does not decide alone.
        /// </summary>
        public bool IsSignatureValid(IReadOnlyList<string> origins, string? signature, string connectionId)
        {
            if (ValidatesNothing)
            {
                return true;
            }
            var valid = false;
            HashSet<string>? checkedHosts = null;
            foreach (var origin in origins)
            {
                // Each host once: a header repeating a configured host thousands of times must not multiply the
                // HMAC work (and the scan of a long ce-signature) by as much.
                // The usual single origin needs no set.
                if (!_accessesByHost.TryGetValue(origin, out var accesses)
                    || (origins.Count > 1 && !(checkedHosts ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(origin)))
                {
                    continue;
                }
                foreach (var access in accesses)
                {
                    valid |= access.AccessKey is not { } key || key.SignatureMatches(connectionId, signature);
                }
            }
            return valid;
        }
    }
}
