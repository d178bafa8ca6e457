using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Messaging.WebPubSub;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    // Operations #20-#22: permissions. targetName is the group; the service requires it for both permissions.
    internal partial class WebPubSubServiceClient
    {
        public virtual Task GrantPermissionAsync(WebPubSubPermission permission, string connectionId, string? targetName = null, CancellationToken cancellationToken = default)
            => ExecuteAsync(CreatePermissionMessage(RequestMethod.Put, permission, connectionId, targetName), cancellationToken);

        public virtual Task RevokePermissionAsync(WebPubSubPermission permission, string connectionId, string? targetName = null, CancellationToken cancellationToken = default)
            => ExecuteAsync(CreatePermissionMessage(RequestMethod.Delete, permission, connectionId, targetName), cancellationToken);

        public virtual Task<bool> CheckPermissionAsync(WebPubSubPermission permission, string connectionId, string? targetName = null, CancellationToken cancellationToken = default)
            => ExistsAsync(CreatePermissionMessage(RequestMethod.Head, permission, connectionId, targetName), cancellationToken);

        private HttpMessage CreatePermissionMessage(RequestMethod method, WebPubSubPermission permission, string connectionId, string? targetName)
        {
            HttpMessage message = CreateHubMessage(method, "/permissions/" + PermissionPathValue(permission) + "/connections/" + Segment(connectionId, nameof(connectionId)));
            AppendQuery(message, "targetName", targetName);
            return message;
        }

        internal static string PermissionPathValue(WebPubSubPermission permission) => permission switch
        {
            WebPubSubPermission.SendToGroup => "sendToGroup",
            WebPubSubPermission.JoinLeaveGroup => "joinLeaveGroup",
            _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Unknown Web PubSub permission."),
        };
    }
}
