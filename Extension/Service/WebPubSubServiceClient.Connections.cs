using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    // Operations #1, #6-#8, #19: health and connection lifetime.
    internal partial class WebPubSubServiceClient
    {
        /// <summary><c>HEAD /api/health</c>; throws <c>RequestFailedException</c> when not healthy.</summary>
        public virtual Task CheckServiceHealthAsync(CancellationToken cancellationToken = default)
            => ExecuteAsync(CreateMessage(RequestMethod.Head, _healthPath), cancellationToken);

        public virtual Task<bool> ConnectionExistsAsync(string connectionId, CancellationToken cancellationToken = default)
            => ExistsAsync(CreateHubMessage(RequestMethod.Head, "/connections/" + Segment(connectionId, nameof(connectionId))), cancellationToken);

        public virtual Task CloseConnectionAsync(string connectionId, string? reason = null, CancellationToken cancellationToken = default)
        {
            HttpMessage message = CreateHubMessage(RequestMethod.Delete, "/connections/" + Segment(connectionId, nameof(connectionId)));
            AppendQuery(message, "reason", reason);
            return ExecuteAsync(message, cancellationToken);
        }

        public virtual Task RemoveConnectionFromAllGroupsAsync(string connectionId, CancellationToken cancellationToken = default)
            => ExecuteAsync(CreateHubMessage(RequestMethod.Delete, "/connections/" + Segment(connectionId, nameof(connectionId)) + "/groups"), cancellationToken);

        public virtual Task CloseAllConnectionsAsync(IEnumerable<string>? excluded = null, string? reason = null, CancellationToken cancellationToken = default)
        {
            HttpMessage message = CreateHubMessage(RequestMethod.Post, "/:closeConnections");
            AppendQuery(message, "excluded", excluded);
            AppendQuery(message, "reason", reason);
            return ExecuteAsync(message, cancellationToken);
        }
    }
}
