using System;
using System.ComponentModel;
using Microsoft.Azure.WebJobs.Hosting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>host.json <c>extensions.webpubsub</c> options (or set in code).</summary>
    public class WebPubSubFunctionsOptions : IOptionsFormatter
    {
        /// <summary>The default hub; wins over the <c>WebPubSubHub</c> app setting.</summary>
        public string? Hub { get; set; }

        /// <summary>The default connection string; wins over the <c>WebPubSubConnectionString</c> app setting.</summary>
        public string? ConnectionString { get; set; }

        /// <summary>
        /// How long an identity-based connection may take to get a Microsoft Entra token before the negotiate or
        /// output that needs it fails (default 10 s; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>,
        /// <c>"-00:00:00.001"</c>, for no limit). Azure.Identity retries a failing identity endpoint for 20–30 s;
        /// raise this where the first token is slow to come (IMDS on a new VM).
        /// </summary>
        public TimeSpan? TokenTimeout { get; set; }

        /// <summary>Printed at host start; the connection string is never part of it.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        string IOptionsFormatter.Format() =>
            new JObject { [nameof(Hub)] = Hub, [nameof(TokenTimeout)] = TokenTimeout?.ToString() }.ToString(Formatting.Indented);

        public override string ToString() => $"WebPubSubFunctionsOptions {{ Hub = {Hub}, TokenTimeout = {TokenTimeout} }}";
    }
}
