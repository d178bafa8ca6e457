using System;
using Azure.Core;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// Options for the data-plane client. Retry, transport and diagnostics come from <see cref="ClientOptions"/>,
    /// so Azure.Core's defaults apply (408/429/5xx retried with exponential back-off, <c>Retry-After</c> honoured).
    /// </summary>
    internal sealed class WebPubSubServiceClientOptions : ClientOptions
    {
        /// <summary>The data-plane API version sent on every request.</summary>
        public const string ApiVersion = "2024-12-01";

        public const string DefaultEntraScope = "https://webpubsub.azure.com/.default";

        /// <summary>Entra token scope; other clouds use another host (e.g. <c>https://webpubsub.azure.cn/.default</c>).</summary>
        public string EntraScope { get; set; } = DefaultEntraScope;

        /// <summary>Lifetime of the per-request access-key JWT (the .NET SDK uses 5 minutes).</summary>
        public TimeSpan RestTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);
    }
}
