using System;
using System.Text;
using System.Text.RegularExpressions;

namespace WebPubSubStandIn.Connections
{
    /// <summary>
    /// Group permissions of a connection: REST grants/revokes for a group win; otherwise the roles decide —
    /// <c>webpubsub.joinLeaveGroup</c> / <c>webpubsub.sendToGroup</c> (any group), the same with <c>.&lt;group&gt;</c>
    /// (that group), and the wildcard forms <c>webpubsub.joinLeaveGroups.&lt;pattern&gt;</c> / <c>webpubsub.sendToGroups.&lt;pattern&gt;</c>.
    /// </summary>
    public static class Permissions
    {
        public const string JoinLeaveGroup = "joinLeaveGroup";
        public const string SendToGroup = "sendToGroup";

        /// <summary>The canonical permission name for a REST path segment, or null.</summary>
        public static string? Parse(string name)
            => name.Equals(JoinLeaveGroup, StringComparison.OrdinalIgnoreCase) ? JoinLeaveGroup
                : name.Equals(SendToGroup, StringComparison.OrdinalIgnoreCase) ? SendToGroup
                : null;

        public static bool CanJoinLeave(ClientConnection connection, string group) => Has(connection, JoinLeaveGroup, group);

        public static bool CanSendTo(ClientConnection connection, string group) => Has(connection, SendToGroup, group);

        public static bool Has(ClientConnection connection, string permission, string group)
        {
            var overridden = connection.PermissionOverride(permission, group);
            if (overridden.HasValue)
            {
                return overridden.Value;
            }

            string role = "webpubsub." + permission;
            string wildcardRole = "webpubsub." + permission + "s.";
            foreach (var granted in connection.Roles)
            {
                if (granted.Equals(role, StringComparison.Ordinal)
                    || granted.Equals(role + "." + group, StringComparison.Ordinal)
                    || (granted.StartsWith(wildcardRole, StringComparison.Ordinal) && WildcardMatches(granted.Substring(wildcardRole.Length), group)))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary><c>?</c> = one character except '.', <c>*</c> = any run without '.', <c>**</c> = any run, <c>\</c> escapes.</summary>
        internal static bool WildcardMatches(string pattern, string group)
        {
            var regex = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                }
                else if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    regex.Append(".*");
                    i++;
                }
                else if (c == '*')
                {
                    regex.Append("[^.]*");
                }
                else if (c == '?')
                {
                    regex.Append("[^.]");
                }
                else
                {
                    regex.Append(Regex.Escape(c.ToString()));
                }
            }
            regex.Append('$');
            return Regex.IsMatch(group, regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }
}
