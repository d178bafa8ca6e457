using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>Every action type by its <c>ActionName</c>: a fixed list, no assembly scanning.</summary>
    internal static class ActionTypes
    {
        public static IReadOnlyList<Type> All { get; } = new[]
        {
            typeof(SendToAllAction), typeof(SendToConnectionAction), typeof(SendToUserAction), typeof(SendToGroupAction),
            typeof(AddUserToGroupAction), typeof(RemoveUserFromGroupAction), typeof(RemoveUserFromAllGroupsAction),
            typeof(AddConnectionToGroupAction), typeof(RemoveConnectionFromGroupAction), typeof(RemoveConnectionFromAllGroupsAction),
            typeof(AddConnectionsToGroupsAction), typeof(RemoveConnectionsFromGroupsAction),
            typeof(CloseAllConnectionsAction), typeof(CloseClientConnectionAction), typeof(CloseGroupConnectionsAction), typeof(CloseUserConnectionsAction),
            typeof(GrantPermissionAction), typeof(RevokePermissionAction),
        };

        private static readonly Dictionary<string, Type> s_byName = All.ToDictionary(NameOf, StringComparer.OrdinalIgnoreCase);

        public static string NameOf(Type type) =>
            type.Name.EndsWith("Action", StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Action".Length) : type.Name;

        public static Type? Of(JsonElement json)
        {
            foreach (var property in json.EnumerateObject())
            {
                if (string.Equals(property.Name, "actionName", StringComparison.OrdinalIgnoreCase)
                    && property.Value.ValueKind == JsonValueKind.String
                    && s_byName.TryGetValue(property.Value.GetString()!, out var type))
                {
                    return type;
                }
            }
            return null;
        }
    }
}
