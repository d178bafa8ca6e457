using System;
using System.Collections.Generic;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Contract
{
    /// <summary>One fully populated instance of every action type, with binary data that is not valid UTF-8.</summary>
    internal static class WorkerActions
    {
        public static readonly byte[] Binary = { 0, 1, 2, 0xFF, 0x80, (byte)'z' };

        private static readonly List<string> s_excluded = new() { "c-x", "c-y" };

        public static IEnumerable<WebPubSubAction> All()
        {
            foreach (var dataType in new[] { WebPubSubDataType.Text, WebPubSubDataType.Json, WebPubSubDataType.Binary })
            {
                var data = Data(dataType);
                yield return new SendToAllAction { Data = data, DataType = dataType, Excluded = s_excluded, Filter = "userId ne 'a'", MessageTtlSeconds = 30 };
                yield return new SendToConnectionAction { ConnectionId = "c1", Data = data, DataType = dataType, MessageTtlSeconds = 5 };
                yield return new SendToUserAction { UserId = "u1", Data = data, DataType = dataType, Filter = "'g' in groups", MessageTtlSeconds = 7 };
                yield return new SendToGroupAction { Group = "g1", Data = data, DataType = dataType, Excluded = s_excluded, Filter = "userId eq 'b'", MessageTtlSeconds = 9 };
            }
            yield return new SendToAllAction { Data = BinaryData.FromString("plain"), };
            yield return new AddUserToGroupAction { UserId = "u1", Group = "g2" };
            yield return new RemoveUserFromGroupAction { UserId = "u1", Group = "g2" };
            yield return new RemoveUserFromAllGroupsAction { UserId = "u1" };
            yield return new AddConnectionToGroupAction { ConnectionId = "c1", Group = "g3" };
            yield return new RemoveConnectionFromGroupAction { ConnectionId = "c1", Group = "g3" };
            yield return new RemoveConnectionFromAllGroupsAction { ConnectionId = "c1" };
            yield return new AddConnectionsToGroupsAction { Groups = new List<string> { "g1", "g2" }, Filter = "userId eq 'u1'" };
            yield return new RemoveConnectionsFromGroupsAction { Groups = new List<string> { "g1" }, Filter = "connectionId eq 'c1'" };
            yield return new CloseAllConnectionsAction { Excluded = s_excluded, Reason = "bye-all" };
            yield return new CloseClientConnectionAction { ConnectionId = "c1", Reason = "bye-conn" };
            yield return new CloseGroupConnectionsAction { Group = "gclose", Excluded = s_excluded, Reason = "bye-group" };
            yield return new CloseUserConnectionsAction { UserId = "u1", Excluded = s_excluded, Reason = "bye-user" };
            yield return new GrantPermissionAction { ConnectionId = "c1", Permission = WebPubSubPermission.SendToGroup, TargetName = "g4" };
            yield return new RevokePermissionAction { ConnectionId = "c1", Permission = WebPubSubPermission.JoinLeaveGroup, TargetName = "g4" };
        }

        private static BinaryData Data(WebPubSubDataType dataType) => dataType switch
        {
            WebPubSubDataType.Binary => BinaryData.FromBytes(Binary),
            WebPubSubDataType.Json => BinaryData.FromString("{\"j\":1,\"s\":\"é\"}"),
            _ => BinaryData.FromString("hello ünïcode"),
        };
    }
}
