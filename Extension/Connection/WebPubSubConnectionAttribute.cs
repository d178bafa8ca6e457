using System;
using System.ComponentModel;
using Azure.Messaging.WebPubSub;
using Microsoft.Azure.WebJobs.Description;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// Binds a <see cref="WebPubSubConnection"/> (client URL and access token) for negotiate functions.
    /// </summary>
    /// <remarks>
    /// <see cref="Roles"/> and <see cref="Groups"/> are fields with hidden twin properties <c>roles</c> and
    /// <c>groups</c>, for the reason given on <see cref="WebPubSubContextAttribute"/>: class-library builds fail on
    /// array-typed named property arguments.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
    [Binding]
    public class WebPubSubConnectionAttribute : Attribute
    {
        /// <summary>Addition to upstream: roles granted by the token, e.g. <c>webpubsub.joinLeaveGroup</c>.</summary>
        public string[]? Roles;

        /// <summary>Addition to upstream: groups the client joins when it connects.</summary>
        public string[]? Groups;

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

        /// <summary>Addition to upstream: token lifetime in minutes (default 60).</summary>
        public int ExpiresAfterMinutes { get; set; } = 60;

        /// <summary><see cref="Roles"/> for the WebJobs host and function.json (<c>"roles": [...]</c>); code uses <see cref="Roles"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        [Browsable(false)]
#pragma warning disable IDE1006 // The name is the JSON key, and differs from the field only in case.
        public string[]? roles
        {
            get => Roles;
            set => Roles = value;
        }

        /// <summary><see cref="Groups"/> for the WebJobs host and function.json (<c>"groups": [...]</c>); code uses <see cref="Groups"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        [Browsable(false)]
        public string[]? groups
        {
            get => Groups;
            set => Groups = value;
        }
#pragma warning restore IDE1006
    }
}
