using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>A JobHost with <see cref="HostileFunctions"/>, the default test connection and its own recorder.</summary>
    internal static class HostileHost
    {
        public static Task<WebPubSubTestHost> StartAsync(InvocationRecorder recorder) =>
            WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = CloudEventRequests.ConnectionString },
                services => services.AddSingleton<IJobActivator>(new RecorderActivator(recorder)),
                builder => builder.AddHttp(),
                typeof(HostileFunctions));

        /// <summary>Runs the context binding's HTTP function for the same request the webhook would get.</summary>
        public static async Task CallContextAsync(WebPubSubTestHost host, HttpRequestMessage message, bool asJson = false) =>
            await host.CallAsync(asJson ? "HostileFunctions.ContextJson" : "HostileFunctions.Context", new { req = await ToHttpRequestAsync(message) });

        public static async Task<HttpRequest> ToHttpRequestAsync(HttpRequestMessage message)
        {
            var request = new DefaultHttpContext().Request;
            request.Method = message.Method.Method;
            foreach (var header in message.Headers)
            {
                request.Headers[header.Key] = header.Value.ToArray();
            }
            if (message.Content != null)
            {
                foreach (var header in message.Content.Headers)
                {
                    request.Headers[header.Key] = header.Value.ToArray();
                }
                request.Body = new MemoryStream(await message.Content.ReadAsByteArrayAsync());
            }
            return request;
        }
    }
}
