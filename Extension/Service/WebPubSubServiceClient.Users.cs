using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    // Operations #14-#18: users.
    internal partial class WebPubSubServiceClient
    {
        public virtual Task<bool> UserExistsAsync(string userId, CancellationToken cancellationToken = default)
            => ExistsAsync(CreateHubMessage(RequestMethod.Head, "/users/" + Segment(userId, nameof(userId))), cancellationToken);

        public virtual Task CloseUserConnectionsAsync(string userId, IEnumerable<string>? excluded = null, string? reason = null, CancellationToken cancellationToken = default)
        {
            HttpMessage message = CreateHubMessage(RequestMethod.Post, "/users/" + Segment(userId, nameof(userId)) + "/:closeConnections");
            AppendQuery(message, "excluded", excluded);
            AppendQuery(message, "reason", reason);
            return ExecuteAsync(message, cancellationToken);
        }

        public virtual Task AddUserToGroupAsync(string group, string userId, CancellationToken cancellationToken = default)
            => ExecuteAsync(CreateHubMessage(RequestMethod.Put, UserGroupPath(group, userId)), cancellationToken);

        public virtual Task RemoveUserFromGroupAsync(string group, string userId, CancellationToken cancellationToken = default)
            => ExecuteAsync(CreateHubMessage(RequestMethod.Delete, UserGroupPath(group, userId)), cancellationToken);

        public virtual Task RemoveUserFromAllGroupsAsync(string userId, CancellationToken cancellationToken = default)
            => ExecuteAsync(CreateHubMessage(RequestMethod.Delete, "/users/" + Segment(userId, nameof(userId)) + "/groups"), cancellationToken);

        private static string UserGroupPath(string group, string userId)
            => "/users/" + Segment(userId, nameof(userId)) + "/groups/" + Segment(group, nameof(group));
    }
}
