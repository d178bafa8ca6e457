using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Messaging.WebPubSub;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    // Client access (negotiate): local HS256 tokens with an access key, operation #25 (:generateToken) with Entra.
    internal partial class WebPubSubServiceClient
    {
        /// <summary>Token lifetime when none (or <see cref="TimeSpan.Zero"/>) is given, as in the SDKs.</summary>
        public static readonly TimeSpan DefaultClientTokenLifetime = TimeSpan.FromMinutes(60);

        private static readonly string[] ClientPaths = { "client/hubs/", "clients/mqtt/hubs/", "clients/socketio/hubs/" };

        // Indexed by WebPubSubClientProtocol: "http(s)://host[:port]/<base>/<client path><hub>" and the ws(s) form + "?access_token=".
        private readonly string[] _audiencePrefix;
        private readonly string[] _clientUriPrefix;
        private readonly Uri[] _clientBaseUri;

        /// <summary>True when tokens are signed locally (no network call).</summary>
        public bool CanSignClientTokensLocally => _credential is AccessKeyCredential;

        /// <summary><c>ws(s)://host[:port]/&lt;client path&gt;</c> without a token (the negotiate <c>baseUrl</c>).</summary>
        public Uri GetClientBaseUri(WebPubSubClientProtocol clientProtocol = WebPubSubClientProtocol.Default) =>
            _clientBaseUri[ProtocolIndex(clientProtocol)];

        /// <summary>
        /// Negotiate: the client URL, its base and the bare token together, so that nobody has to parse the token
        /// back out of the URL. Completes synchronously with an access key; calls <c>:generateToken</c> with an identity.
        /// </summary>
        public virtual async Task<ClientAccess> GetClientAccessAsync(string? userId = null, IEnumerable<string>? roles = null, IEnumerable<string>? groups = null, TimeSpan? expiresAfter = null, WebPubSubClientProtocol clientProtocol = WebPubSubClientProtocol.Default, CancellationToken cancellationToken = default)
        {
            int index = ProtocolIndex(clientProtocol);
            string token = await GetClientAccessTokenAsync(userId, roles, groups, expiresAfter, clientProtocol, cancellationToken).ConfigureAwait(false);
            return new ClientAccess(_clientBaseUri[index], new Uri(_clientUriPrefix[index] + token), token);
        }

        /// <summary>
        /// <c>ws(s)://host[:port]/&lt;client path&gt;?access_token=&lt;token&gt;</c>. Completes synchronously with an access key;
        /// calls <c>:generateToken</c> with an identity; throws <see cref="InvalidOperationException"/> for key-less access.
        /// </summary>
        public virtual Task<Uri> GetClientAccessUriAsync(string? userId = null, IEnumerable<string>? roles = null, IEnumerable<string>? groups = null, TimeSpan? expiresAfter = null, WebPubSubClientProtocol clientProtocol = WebPubSubClientProtocol.Default, CancellationToken cancellationToken = default)
        {
            int index = ProtocolIndex(clientProtocol);
            if (_credential is AccessKeyCredential key)
            {
                // Negotiate hot path: the JWT builder writes "<url prefix><token>" as one string (no second copy).
                cancellationToken.ThrowIfCancellationRequested();
                var claims = new JwtClaims(_audiencePrefix[index], DateTimeOffset.UtcNow, NormalizeLifetime(expiresAfter), userId, roles, groups);
                return Task.FromResult(new Uri(HmacJwt.Create(key.AccessKey, claims, _clientUriPrefix[index])));
            }

            return GetRemoteClientAccessUriAsync(userId, roles, groups, expiresAfter, clientProtocol, cancellationToken);
        }

        /// <summary>The bare client access token (see <see cref="GetClientAccessUriAsync"/>).</summary>
        public virtual Task<string> GetClientAccessTokenAsync(string? userId = null, IEnumerable<string>? roles = null, IEnumerable<string>? groups = null, TimeSpan? expiresAfter = null, WebPubSubClientProtocol clientProtocol = WebPubSubClientProtocol.Default, CancellationToken cancellationToken = default)
        {
            TimeSpan lifetime = NormalizeLifetime(expiresAfter);
            int index = ProtocolIndex(clientProtocol);
            switch (_credential)
            {
                case AccessKeyCredential key:
                    cancellationToken.ThrowIfCancellationRequested();
                    var claims = new JwtClaims(_audiencePrefix[index], DateTimeOffset.UtcNow, lifetime, userId, roles, groups);
                    return Task.FromResult(HmacJwt.Create(key.AccessKey, claims));
                case IdentityCredential:
                    int minutes = (int)Math.Max(1, Math.Min(int.MaxValue, Math.Floor(lifetime.TotalMinutes)));
                    return GenerateClientTokenAsync(userId, roles, groups, minutes, clientProtocol, cancellationToken);
                default:
                    throw new InvalidOperationException(MissingCredentialPolicy.Message);
            }
        }

        /// <summary>Operation #25: asks the service for a client token (the only option with Entra).</summary>
        public virtual async Task<string> GenerateClientTokenAsync(string? userId = null, IEnumerable<string>? roles = null, IEnumerable<string>? groups = null, int? minutesToExpire = null, WebPubSubClientProtocol clientProtocol = WebPubSubClientProtocol.Default, CancellationToken cancellationToken = default)
        {
            HttpMessage message = CreateHubMessage(RequestMethod.Post, "/:generateToken");
            AppendQuery(message, "userId", userId);
            AppendQuery(message, "role", roles);
            AppendQuery(message, "minutesToExpire", minutesToExpire);
            AppendQuery(message, "group", groups);
            AppendQuery(message, "clientType", ClientTypeValue(clientProtocol));
            message.Request.Headers.SetValue(HttpHeader.Names.Accept, WebPubSubContentTypes.Json);
            using (message)
            {
                await SendCheckedAsync(message, cancellationToken).ConfigureAwait(false);
                using JsonDocument document = JsonDocument.Parse(message.Response.Content.ToMemory());
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("token", out JsonElement token)
                    && token.ValueKind == JsonValueKind.String)
                {
                    return token.GetString()!;
                }

                throw new InvalidOperationException("The service's :generateToken response has no token.");
            }
        }

        private async Task<Uri> GetRemoteClientAccessUriAsync(string? userId, IEnumerable<string>? roles, IEnumerable<string>? groups, TimeSpan? expiresAfter, WebPubSubClientProtocol clientProtocol, CancellationToken cancellationToken)
        {
            string token = await GetClientAccessTokenAsync(userId, roles, groups, expiresAfter, clientProtocol, cancellationToken).ConfigureAwait(false);
            return new Uri(_clientUriPrefix[ProtocolIndex(clientProtocol)] + token);
        }

        private void InitializeClientAccess(out string[] audiencePrefix, out string[] clientUriPrefix, out Uri[] clientBaseUri)
        {
            // AbsoluteUri of an endpoint always ends with the path; add the '/' before the client path if missing.
            string http = Endpoint.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? Endpoint.AbsoluteUri : Endpoint.AbsoluteUri + "/";
            string ws = (Endpoint.Scheme == Uri.UriSchemeHttps ? "wss" : "ws") + http.Substring(Endpoint.Scheme.Length);
            audiencePrefix = new string[ClientPaths.Length];
            clientUriPrefix = new string[ClientPaths.Length];
            clientBaseUri = new Uri[ClientPaths.Length];
            for (int i = 0; i < ClientPaths.Length; i++)
            {
                // The audience carries the hub as written (as the SDKs do); the URL needs it escaped.
                audiencePrefix[i] = http + ClientPaths[i] + Hub;
                string baseUri = ws + ClientPaths[i] + Uri.EscapeDataString(Hub);
                clientBaseUri[i] = new Uri(baseUri);
                clientUriPrefix[i] = baseUri + "?access_token=";
            }
        }

        private static TimeSpan NormalizeLifetime(TimeSpan? expiresAfter)
        {
            if (expiresAfter is null || expiresAfter.Value == TimeSpan.Zero)
            {
                return DefaultClientTokenLifetime;
            }

            return expiresAfter.Value > TimeSpan.Zero
                ? expiresAfter.Value
                : throw new ArgumentOutOfRangeException(nameof(expiresAfter), "The token lifetime must be positive.");
        }

        private static int ProtocolIndex(WebPubSubClientProtocol protocol) => protocol switch
        {
            WebPubSubClientProtocol.Default => 0,
            WebPubSubClientProtocol.Mqtt => 1,
            WebPubSubClientProtocol.SocketIO => 2,
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Unknown client protocol."),
        };

        // Lower-case values, as the .NET SDK sends them; the service compares case-insensitively.
        private static string ClientTypeValue(WebPubSubClientProtocol protocol) => protocol switch
        {
            WebPubSubClientProtocol.Default => "default",
            WebPubSubClientProtocol.Mqtt => "mqtt",
            WebPubSubClientProtocol.SocketIO => "socketio",
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Unknown client protocol."),
        };
    }
}
