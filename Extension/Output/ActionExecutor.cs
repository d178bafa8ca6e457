using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Output
{
    /// <summary>Maps each action type to its REST operation.</summary>
    internal static class ActionExecutor
    {
        public static Task ExecuteAsync(WebPubSubServiceClient client, WebPubSubAction action, CancellationToken cancellationToken) => action switch
        {
            SendToAllAction a => client.SendToAllAsync(Data(a.Data), ContentType(a.DataType), a.Excluded, a.Filter, a.MessageTtlSeconds, cancellationToken),
            SendToConnectionAction a => client.SendToConnectionAsync(a.ConnectionId, Data(a.Data), ContentType(a.DataType), a.MessageTtlSeconds, cancellationToken),
            SendToGroupAction a => client.SendToGroupAsync(a.Group, Data(a.Data), ContentType(a.DataType), a.Excluded, a.Filter, a.MessageTtlSeconds, cancellationToken),
            SendToUserAction a => client.SendToUserAsync(a.UserId, Data(a.Data), ContentType(a.DataType), a.Filter, a.MessageTtlSeconds, cancellationToken),
            AddConnectionToGroupAction a => client.AddConnectionToGroupAsync(a.Group, a.ConnectionId, cancellationToken),
            RemoveConnectionFromGroupAction a => client.RemoveConnectionFromGroupAsync(a.Group, a.ConnectionId, cancellationToken),
            RemoveConnectionFromAllGroupsAction a => client.RemoveConnectionFromAllGroupsAsync(a.ConnectionId, cancellationToken),
            AddUserToGroupAction a => client.AddUserToGroupAsync(a.Group, a.UserId, cancellationToken),
            RemoveUserFromGroupAction a => client.RemoveUserFromGroupAsync(a.Group, a.UserId, cancellationToken),
            RemoveUserFromAllGroupsAction a => client.RemoveUserFromAllGroupsAsync(a.UserId, cancellationToken),
            AddConnectionsToGroupsAction a => client.AddConnectionsToGroupsAsync(a.Groups, a.Filter, cancellationToken),
            RemoveConnectionsFromGroupsAction a => client.RemoveConnectionsFromGroupsAsync(a.Groups, a.Filter, cancellationToken),
            CloseAllConnectionsAction a => client.CloseAllConnectionsAsync(a.Excluded, a.Reason, cancellationToken),
            CloseClientConnectionAction a => client.CloseConnectionAsync(a.ConnectionId, a.Reason, cancellationToken),
            CloseGroupConnectionsAction a => client.CloseGroupConnectionsAsync(a.Group, a.Excluded, a.Reason, cancellationToken),
            CloseUserConnectionsAction a => client.CloseUserConnectionsAsync(a.UserId, a.Excluded, a.Reason, cancellationToken),
            GrantPermissionAction a => client.GrantPermissionAsync(a.Permission, a.ConnectionId, a.TargetName, cancellationToken),
            RevokePermissionAction a => client.RevokePermissionAsync(a.Permission, a.ConnectionId, a.TargetName, cancellationToken),
            _ => throw new ArgumentException($"Not supported WebPubSubAction: {action.GetType().Name}.", nameof(action)),
        };

        private static BinaryData Data(BinaryData? data) =>
            data ?? throw new ArgumentException("The send action has no 'Data'.", nameof(data));

        private static string ContentType(WebPubSubDataType dataType) => dataType switch
        {
            WebPubSubDataType.Text => WebPubSubContentTypes.Text,
            WebPubSubDataType.Json => WebPubSubContentTypes.Json,
            _ => WebPubSubContentTypes.Binary,
        };
    }
}
