using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks.Host;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks
{
    /// <summary>
    /// Splits the cost of one output action against a loopback service: the raw HttpClient floor, Azure.Core's
    /// transport alone, our client (pipeline + policies), and the whole binding through a JobHost.
    /// </summary>
    internal static class OutputProbe
    {
        private const string Key = "benchmark-access-key-0123456789abcdefghij";

        public static async Task RunAsync(int n)
        {
            await using var service = await LoopbackService.StartAsync();
            var host = await BenchmarkHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = $"Endpoint=http://127.0.0.1;Port={service.BaseUri.Port};AccessKey={Key};Version=1.0;" },
                typeof(BenchmarkFunctions));
            string text = new string('x', 1024);
            byte[] payload = Encoding.UTF8.GetBytes(text);
            var data = BinaryData.FromBytes(payload);
            var args = new { payload = text };
            string url = $"{service.BaseUri.GetLeftPart(UriPartial.Authority)}/api/hubs/{BenchmarkFunctions.Hub}/:send?api-version=2024-12-01";
            using var raw = new HttpClient();
            var transportOnly = HttpPipelineBuilder.Build(new WebPubSubServiceClientOptions());
            var quiet = new WebPubSubServiceClientOptions();
            quiet.Diagnostics.IsLoggingEnabled = false;
            quiet.Diagnostics.IsDistributedTracingEnabled = false;
            quiet.Diagnostics.IsTelemetryEnabled = false;
            var quietPipeline = HttpPipelineBuilder.Build(quiet);
            var client = host.Services.GetRequiredService<IWebPubSubServiceClientFactory>()
                .GetClient(host.Services.GetRequiredService<WebPubSubConnectionResolver>().Get(null, "WebPubSub"), BenchmarkFunctions.Hub);

            await Probe.MeasureAsync("bare invocation", n, () => host.CallAsync("BenchmarkFunctions.Bare", args));
            await Probe.MeasureAsync("raw HttpClient POST", n, async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(payload) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "precomputed");
                using HttpResponseMessage response = await raw.SendAsync(request).ConfigureAwait(false);
            });
            async Task SendAsync(HttpPipeline pipeline)
            {
                using HttpMessage message = pipeline.CreateMessage();
                message.Request.Method = RequestMethod.Post;
                message.Request.Uri.Reset(new Uri(url));
                message.Request.Headers.SetValue("Content-Type", "text/plain");
                message.Request.Headers.SetValue("Authorization", "Bearer precomputed");
                message.Request.Content = RequestContent.Create(data);
                await pipeline.SendAsync(message, CancellationToken.None).ConfigureAwait(false);
            }
            await Probe.MeasureAsync("Azure.Core default pipeline", n, () => SendAsync(transportOnly));
            await Probe.MeasureAsync("Azure.Core, no logging/tracing/UA", n, () => SendAsync(quietPipeline));
            await Probe.MeasureAsync("our client SendToAll", n, () => client.SendToAllAsync(data, WebPubSubContentTypes.Text));
            await Probe.MeasureAsync("binding: 1 sendToAll", n, () => host.CallAsync("BenchmarkFunctions.SendToAll", args));
            await Probe.MeasureAsync("binding: 10 sendToAll", n / 10, () => host.CallAsync("BenchmarkFunctions.SendToAllTenTimes", args));
            await host.DisposeAsync();
        }
    }
}
