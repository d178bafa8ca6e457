using System;
using System.Collections.Generic;
using System.Linq;
using Azure.Messaging.WebPubSub;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// An operation on the Web PubSub service, added to a <see cref="WebPubSubAttribute"/> output binding.
    /// Script languages send the same objects as JSON with an <c>actionName</c> (e.g. <c>sendToAll</c>).
    /// </summary>
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public abstract class WebPubSubAction
    {
        protected WebPubSubAction()
        {
        }

        public static SendToAllAction CreateSendToAllAction(BinaryData data, WebPubSubDataType dataType, IEnumerable<string>? excluded = null) =>
            new() { Data = data, DataType = dataType, Excluded = excluded?.ToList()! };

        public static SendToAllAction CreateSendToAllAction(string data, WebPubSubDataType dataType = WebPubSubDataType.Text, IEnumerable<string>? excluded = null) =>
            CreateSendToAllAction(BinaryData.FromString(data), dataType, excluded);

        public static SendToConnectionAction CreateSendToConnectionAction(string connectionId, BinaryData data, WebPubSubDataType dataType) =>
            new() { ConnectionId = connectionId, Data = data, DataType = dataType };

        public static SendToConnectionAction CreateSendToConnectionAction(string connectionId, string data, WebPubSubDataType dataType = WebPubSubDataType.Text) =>
            CreateSendToConnectionAction(connectionId, BinaryData.FromString(data), dataType);

        public static SendToGroupAction CreateSendToGroupAction(string group, BinaryData data, WebPubSubDataType dataType, IEnumerable<string>? excluded = null) =>
            new() { Group = group, Data = data, DataType = dataType, Excluded = excluded?.ToList()! };

        public static SendToGroupAction CreateSendToGroupAction(string group, string data, WebPubSubDataType dataType = WebPubSubDataType.Text, IEnumerable<string>? excluded = null) =>
            CreateSendToGroupAction(group, BinaryData.FromString(data), dataType, excluded);

        public static SendToUserAction CreateSendToUserAction(string userId, BinaryData data, WebPubSubDataType dataType) =>
            new() { UserId = userId, Data = data, DataType = dataType };

        public static SendToUserAction CreateSendToUserAction(string userId, string data, WebPubSubDataType dataType = WebPubSubDataType.Text) =>
            CreateSendToUserAction(userId, BinaryData.FromString(data), dataType);

        public static AddConnectionToGroupAction CreateAddConnectionToGroupAction(string connectionId, string group) =>
            new() { ConnectionId = connectionId, Group = group };

        public static RemoveConnectionFromGroupAction CreateRemoveConnectionFromGroupAction(string connectionId, string group) =>
            new() { ConnectionId = connectionId, Group = group };

        public static AddUserToGroupAction CreateAddUserToGroupAction(string userId, string group) =>
            new() { UserId = userId, Group = group };

        public static RemoveUserFromGroupAction CreateRemoveUserFromGroupAction(string userId, string group) =>
            new() { UserId = userId, Group = group };

        public static RemoveUserFromAllGroupsAction CreateRemoveUserFromAllGroupsAction(string userId) =>
            new() { UserId = userId };

        public static CloseAllConnectionsAction CreateCloseAllConnectionsAction(IEnumerable<string>? excluded = null, string? reason = null) =>
            new() { Excluded = excluded?.ToList()!, Reason = reason };

        public static CloseClientConnectionAction CreateCloseClientConnectionAction(string connectionId, string? reason = null) =>
            new() { ConnectionId = connectionId, Reason = reason };

        public static CloseGroupConnectionsAction CreateCloseGroupConnectionsAction(string group, IEnumerable<string>? excluded = null, string? reason = null) =>
            new() { Group = group, Excluded = excluded?.ToList()!, Reason = reason };

        public static GrantPermissionAction CreateGrantPermissionAction(string connectionId, WebPubSubPermission permission, string targetName) =>
            new() { ConnectionId = connectionId, Permission = permission, TargetName = targetName };

        public static RevokePermissionAction CreateRevokePermissionAction(string connectionId, WebPubSubPermission permission, string targetName) =>
            new() { ConnectionId = connectionId, Permission = permission, TargetName = targetName };
    }
}
