using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub;
using Microsoft.Azure.WebJobs.Hosting;
using Microsoft.Extensions.Hosting;

// The Functions host finds extensions through this attribute (via bin/extensions.json); the name "WebPubSub"
// comes from the class name without its "WebJobsStartup" suffix and must match the extension bundle's entry.
[assembly: WebJobsStartup(typeof(WebPubSubWebJobsStartup))]

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    internal class WebPubSubWebJobsStartup : IWebJobsStartup
    {
        public void Configure(IWebJobsBuilder builder) => builder.AddWebPubSub();
    }
}
