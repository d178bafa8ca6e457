namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>Names of the app settings and configuration keys the extension reads.</summary>
    internal static class WebPubSubSettingNames
    {
        /// <summary>The default connection: a connection string, or a section with <c>serviceUri</c>.</summary>
        public const string DefaultConnection = "WebPubSubConnectionString";

        /// <summary>The default hub.</summary>
        public const string DefaultHub = "WebPubSubHub";

        /// <summary>The <c>[Extension]</c> name; the host.json section and webhook path segment are its lower case.</summary>
        public const string ExtensionName = "WebPubSub";

        public const string ConfigSection = "webpubsub";
    }
}
