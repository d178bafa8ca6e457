using System;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>
    /// Negotiate (binding type <c>webPubSubConnection</c>): a client URL and access token, bound as
    /// <see cref="WebPubSubConnection"/>. Identity-based connections need no key anywhere in the worker: the host
    /// signs or requests the token with the connection configured in its app settings.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class WebPubSubConnectionInputAttribute : InputBindingAttribute
    {
        public string? Hub { get; set; }

        /// <summary>The user id, usually a binding expression such as <c>{query.userid}</c>.</summary>
        public string? UserId { get; set; }

        /// <summary>The connection setting name; unset: <c>WebPubSubConnectionString</c>.</summary>
        public string? Connection { get; set; }

        /// <summary>Roles for the token, e.g. <c>webpubsub.joinLeaveGroup.lobby</c> (beyond upstream's worker package).</summary>
        public string[]? Roles { get; set; }

        /// <summary>Groups the connection joins when it connects (beyond upstream's worker package).</summary>
        public string[]? Groups { get; set; }

        /// <summary>Token lifetime in minutes; the host's default is 60 (beyond upstream's worker package).</summary>
        public int ExpiresAfterMinutes { get; set; } = 60;

        /// <summary>The client protocol the URL is for (beyond upstream's worker package).</summary>
        public WebPubSubClientProtocol ClientProtocol { get; set; } = WebPubSubClientProtocol.Default;
    }
}
