using System;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>
    /// For HTTP-triggered functions that receive Web PubSub events themselves (binding type <c>webPubSubContext</c>):
    /// the host validates and parses the request into a <see cref="WebPubSubContext"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class WebPubSubContextInputAttribute : InputBindingAttribute
    {
        public WebPubSubContextInputAttribute()
        {
        }

        public WebPubSubContextInputAttribute(params string[] connections)
        {
            Connections = connections;
        }

        /// <summary>Connection settings whose keys validate requests; none: the default connection.</summary>
        public string[]? Connections { get; set; }
    }
}
