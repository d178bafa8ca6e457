using System;
using Microsoft.Azure.WebJobs.Description;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>Output binding: <see cref="WebPubSubAction"/>s added to it become Web PubSub REST calls.</summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
    [Binding]
    public class WebPubSubAttribute : Attribute
    {
        /// <summary>Name of the configuration section with the connection. Default <c>WebPubSubConnectionString</c>.</summary>
        public string Connection { get; set; } = WebPubSubSettingNames.DefaultConnection;

        /// <summary>The hub; falls back to the configured default hub.</summary>
        [AutoResolve]
        public string? Hub { get; set; }
    }
}
