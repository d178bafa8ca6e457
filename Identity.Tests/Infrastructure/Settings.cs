using System.Collections.Generic;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure
{
    /// <summary>Identity-based connection settings, as the Functions documentation spells them.</summary>
    internal static class Settings
    {
        public const string Default = "WebPubSubConnectionString";

        /// <summary><c>&lt;name&gt;:serviceUri</c>, <c>:credential=managedidentity</c>, <c>:clientId</c> (local.settings.json / app settings JSON form).</summary>
        public static Dictionary<string, string?> ManagedIdentity(StandInServer server, string identity, string name = Default) => new Dictionary<string, string?>
        {
            [name + ":serviceUri"] = server.ServiceUri,
            [name + ":credential"] = "managedidentity",
            [name + ":clientId"] = server.ClientId(identity),
        };
    }
}
