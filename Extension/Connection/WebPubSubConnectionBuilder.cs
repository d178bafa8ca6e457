using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Connection
{
    /// <summary>
    /// Negotiate itself: builds the client URL and token for a hub and user with the cached client. The one place
    /// that does it, for <see cref="WebPubSubConnectionBindingProvider"/> (which passes the values it resolved) and
    /// for WebJobs' converter interface. Asynchronous, because identity-based connections ask the service
    /// (<c>:generateToken</c>).
    /// </summary>
    internal sealed class WebPubSubConnectionBuilder : IAsyncConverter<WebPubSubConnectionAttribute, WebPubSubConnection>
    {
        internal const string BindingName = "WebPubSubConnection";
        private readonly WebPubSubConnectionResolver _connections;
        private readonly IWebPubSubServiceClientFactory _clients;

        public WebPubSubConnectionBuilder(WebPubSubConnectionResolver connections, IWebPubSubServiceClientFactory clients)
        {
            _connections = connections;
            _clients = clients;
        }

        /// <summary>For an attribute whose <c>Hub</c> and <c>UserId</c> are already resolved.</summary>
        public Task<WebPubSubConnection> ConvertAsync(WebPubSubConnectionAttribute attribute, CancellationToken cancellationToken) =>
            BuildAsync(attribute, attribute.Hub, attribute.UserId, cancellationToken);

        /// <summary>
        /// <paramref name="hub"/> and <paramref name="userId"/> are the attribute's values after <c>%Setting%</c> and
        /// binding expressions; every other member is taken from the attribute as written.
        /// </summary>
        public async Task<WebPubSubConnection> BuildAsync(WebPubSubConnectionAttribute attribute, string? hub, string? userId, CancellationToken cancellationToken)
        {
            // Checked per call, not at indexing: an existing app with a bad lifetime keeps starting, as it always did.
            if (attribute.ExpiresAfterMinutes < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(attribute), $"{BindingName}: 'ExpiresAfterMinutes' must be at least 1; got {attribute.ExpiresAfterMinutes}.");
            }
            var client = _clients.GetClient(_connections.Get(attribute.Connection, BindingName), _connections.GetHub(hub, BindingName));
            var access = await client.GetClientAccessAsync(
                userId: string.IsNullOrEmpty(userId) ? null : userId,
                roles: attribute.Roles,
                groups: attribute.Groups,
                expiresAfter: TimeSpan.FromMinutes(attribute.ExpiresAfterMinutes),
                clientProtocol: attribute.ClientProtocol,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return new WebPubSubConnection(access.BaseUri, access.Uri, access.Token);
        }
    }
}
