using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Connection
{
    /// <summary>
    /// The negotiate binding: builds the client URL and token for the attribute's hub and user with the cached
    /// client. Asynchronous, because identity-based connections ask the service (<c>:generateToken</c>).
    /// </summary>
    internal sealed class WebPubSubConnectionBuilder : IAsyncConverter<WebPubSubConnectionAttribute, WebPubSubConnection>
    {
        private const string BindingName = "WebPubSubConnection";
        private readonly WebPubSubConnectionResolver _connections;
        private readonly IWebPubSubServiceClientFactory _clients;

        public WebPubSubConnectionBuilder(WebPubSubConnectionResolver connections, IWebPubSubServiceClientFactory clients)
        {
            _connections = connections;
            _clients = clients;
        }

        public async Task<WebPubSubConnection> ConvertAsync(WebPubSubConnectionAttribute attribute, CancellationToken cancellationToken)
        {
            if (attribute.ExpiresAfterMinutes < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(attribute), $"{BindingName}: 'ExpiresAfterMinutes' must be at least 1; got {attribute.ExpiresAfterMinutes}.");
            }
            var client = _clients.GetClient(_connections.Get(attribute.Connection, BindingName), _connections.GetHub(attribute.Hub, BindingName));
            var access = await client.GetClientAccessAsync(
                userId: string.IsNullOrEmpty(attribute.UserId) ? null : attribute.UserId,
                roles: attribute.Roles,
                groups: attribute.Groups,
                expiresAfter: TimeSpan.FromMinutes(attribute.ExpiresAfterMinutes),
                clientProtocol: attribute.ClientProtocol,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return new WebPubSubConnection(access.BaseUri, access.Uri, access.Token);
        }
    }
}
