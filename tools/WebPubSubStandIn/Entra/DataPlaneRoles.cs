using System;
using System.Collections.Generic;
using System.Linq;

namespace WebPubSubStandIn.Entra
{
    /// <summary>
    /// The built-in Web PubSub data-plane roles: <em>Web PubSub Service Owner</em> may do everything (send, groups,
    /// connections, permissions, <c>:generateToken</c>); <em>Web PubSub Service Reader</em> only reads (the
    /// existence checks and health, i.e. GET/HEAD).
    /// </summary>
    public static class DataPlaneRoles
    {
        public const string Owner = "Web PubSub Service Owner";
        public const string Reader = "Web PubSub Service Reader";

        public static bool Allows(IReadOnlyList<string> roles, string method)
            => roles.Any(r => r.Equals(Owner, StringComparison.OrdinalIgnoreCase))
               || (IsRead(method) && roles.Any(r => r.Equals(Reader, StringComparison.OrdinalIgnoreCase)));

        /// <summary>The data action a request needs, for the 403 message.</summary>
        public static string ActionFor(string method, string path)
            => path.EndsWith("/:generateToken", StringComparison.OrdinalIgnoreCase)
                ? "Microsoft.SignalRService/WebPubSub/clientConnection/generateToken/action"
                : IsRead(method) ? "Microsoft.SignalRService/WebPubSub/*/read" : "Microsoft.SignalRService/WebPubSub/*/write";

        private static bool IsRead(string method)
            => method.Equals("GET", StringComparison.OrdinalIgnoreCase) || method.Equals("HEAD", StringComparison.OrdinalIgnoreCase);
    }
}
