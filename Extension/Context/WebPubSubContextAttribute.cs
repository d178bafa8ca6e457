using System;
using Microsoft.Azure.WebJobs.Description;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// Binds a <see cref="WebPubSubContext"/> for a function with an HTTP trigger that receives Web PubSub
    /// events itself: the request is validated and parsed exactly as the trigger does it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
    [Binding]
    public class WebPubSubContextAttribute : Attribute
    {
        public WebPubSubContextAttribute()
        {
        }

        /// <param name="connections">Names of configuration sections whose connections validate the requests.</param>
        public WebPubSubContextAttribute(params string[] connections)
        {
            Connections = connections;
        }

        /// <summary>Configuration section names of the connections used to validate requests.</summary>
        public string[]? Connections { get; set; }

        /// <summary>The singular form; see <see cref="WebPubSubTriggerAttribute.Connection"/>.</summary>
        [Obsolete("Use Connections instead.")]
        public string? Connection
        {
            get => LegacyConnection.Get(Connections);
            set => Connections = LegacyConnection.Set(Connections, value);
        }
    }
}
