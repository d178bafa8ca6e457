using System;
using System.Collections.Generic;
using System.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// The <c>actionName</c> of each action type, as script languages write it (<c>sendToAll</c>). Built once from
    /// a fixed list instead of reflecting over the assembly on every conversion.
    /// </summary>
    internal static class ActionNames
    {
        private static readonly IReadOnlyDictionary<string, Type> s_typesByName = new[]
        {
            typeof(SendToAllAction), typeof(SendToConnectionAction), typeof(SendToGroupAction), typeof(SendToUserAction),
            typeof(AddConnectionToGroupAction), typeof(RemoveConnectionFromGroupAction), typeof(RemoveConnectionFromAllGroupsAction),
            typeof(AddUserToGroupAction), typeof(RemoveUserFromGroupAction), typeof(RemoveUserFromAllGroupsAction),
            typeof(AddConnectionsToGroupsAction), typeof(RemoveConnectionsFromGroupsAction),
            typeof(CloseAllConnectionsAction), typeof(CloseClientConnectionAction), typeof(CloseGroupConnectionsAction),
            typeof(CloseUserConnectionsAction), typeof(GrantPermissionAction), typeof(RevokePermissionAction),
        }.ToDictionary(Of, StringComparer.OrdinalIgnoreCase);

        public static IEnumerable<string> All => s_typesByName.Keys;

        public static string Of(Type actionType)
        {
            var name = actionType.Name;
            if (name.EndsWith("Action", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "Action".Length);
            }
            return char.ToLowerInvariant(name[0]) + name.Substring(1);
        }

        public static bool TryGetType(string? actionName, out Type type)
        {
            type = null!;
            return actionName != null && s_typesByName.TryGetValue(actionName, out type!);
        }
    }
}
