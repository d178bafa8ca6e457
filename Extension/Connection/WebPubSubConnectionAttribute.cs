using System;
using Azure.Messaging.WebPubSub;
using Microsoft.Azure.WebJobs.Description;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// Binds a <see cref="WebPubSubConnection"/> (client URL and access token) for negotiate functions.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
    [Binding]
    public class WebPubSubConnectionAttribute : Attribute
    {
        /// <summary>Name of the configuration section with the connection. Default <c>WebPubSubConnectionString</c>.</summary>
        public string Connection { get; set; } = WebPubSubSettingNames.DefaultConnection;

        /// <summary>The hub; falls back to the configured default hub.</summary>
        [AutoResolve]
        public string? Hub { get; set; }

        /// <summary>The user id put in the token's <c>sub</c> claim, e.g. <c>{query.userid}</c>.</summary>
        [AutoResolve]
        public string? UserId { get; set; }

        /// <summary>The client protocol, which picks the client endpoint path.</summary>
        public WebPubSubClientProtocol ClientProtocol { get; set; } = WebPubSubClientProtocol.Default;

        /// <summary>Addition to upstream: roles granted by the token, e.g. <c>webpubsub.joinLeaveGroup</c>.</summary>
        public string[]? Roles { get; set; }

        /// <summary>Addition to upstream: groups the client joins when it connects.</summary>
        public string[]? Groups { get; set; }

        /// <summary>Addition to upstream: token lifetime in minutes (default 60).</summary>
        public int ExpiresAfterMinutes { get; set; } = 60;
    }
}
