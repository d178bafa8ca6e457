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

        /// <summary>Printed at host start; the connection string is never part of it.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        string IOptionsFormatter.Format() =>
            new JObject { [nameof(Hub)] = Hub }.ToString(Formatting.Indented);

        public override string ToString() => $"WebPubSubFunctionsOptions {{ Hub = {Hub} }}";
    }
}
