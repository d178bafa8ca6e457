using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WebPubSubStandIn.Upstream
{
    /// <summary>The <c>connect</c> event body and the handler's answer (overrides).</summary>
    public static class ConnectEvent
    {
        private const string NameIdentifierClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";
        private const string RoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

        /// <summary>
        /// <c>{claims, query, headers, subprotocols, clientCertificates}</c>. Claims are the token's, by type; like the
        /// real service, <c>sub</c> and <c>role</c> also appear under their ASP.NET long names.
        /// </summary>
        public static byte[] CreateBody(IEnumerable<Claim> tokenClaims, IQueryCollection query, IHeaderDictionary headers, IEnumerable<string> subprotocols)
        {
            var claims = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            void AddClaim(string type, string value)
            {
                if (!claims.TryGetValue(type, out var values))
                {
                    claims[type] = values = new List<string>();
                }
                values.Add(value);
            }
            foreach (var claim in tokenClaims)
            {
                AddClaim(claim.Type, claim.Value);
                if (claim.Type == "sub")
                {
                    AddClaim(NameIdentifierClaim, claim.Value);
                }
                else if (claim.Type == "role")
                {
                    AddClaim(RoleClaim, claim.Value);
                }
            }

            var body = new Dictionary<string, object>
            {
                ["claims"] = claims,
                ["query"] = query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? string.Empty).ToArray()),
                ["headers"] = headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? string.Empty).ToArray()),
                ["subprotocols"] = subprotocols.ToArray(),
                ["clientCertificates"] = Array.Empty<object>(),
            };
            return JsonSerializer.SerializeToUtf8Bytes(body);
        }

        /// <summary>The overrides of a 200 answer; an empty body is no override. Names are read ignoring case.</summary>
        /// <exception cref="JsonException">The body is not a JSON object of the expected shape.</exception>
        public static ConnectOverrides ParseResponse(byte[] body)
        {
            var overrides = new ConnectOverrides();
            if (body.Length == 0 || body.All(b => b == ' ' || b == '\r' || b == '\n' || b == '\t'))
            {
                return overrides;
            }

            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("The connect response must be a JSON object.");
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                switch (property.Name.ToLowerInvariant())
                {
                    case "userid":
                        overrides.UserId = value.GetString();
                        break;
                    case "groups":
                        overrides.Groups = value.EnumerateArray().Select(g => g.GetString()!).ToArray();
                        break;
                    case "roles":
                        overrides.Roles = value.EnumerateArray().Select(r => r.GetString()!).ToArray();
                        break;
                    case "subprotocol":
                        overrides.Subprotocol = value.GetString();
                        break;
                }
            }
            return overrides;
        }
    }

    public sealed class ConnectOverrides
    {
        public string? UserId { get; set; }

        public IReadOnlyList<string>? Groups { get; set; }

        public IReadOnlyList<string>? Roles { get; set; }

        public string? Subprotocol { get; set; }
    }
}
