using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks.Host
{
    /// <summary>
    /// Webhook events through a real JobHost, each category against its floor: a bare <c>JobHost.CallAsync</c> of a
    /// no-op function with a 1 KB argument, in the same run. <c>Request*</c> rows measure only building the
    /// HttpRequestMessage, which the Functions host does before the extension sees the request.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class WebhookBenchmarks
    {
        private const string AccessKey = "benchmark-access-key-0123456789abcdefghij";
        private const int Callers = 8;
        private const int CallsPerCaller = 16;

        private BenchmarkHost _host = null!;
        private SignedEvents _events = null!;
        private object _bareArguments = null!;
        private byte[] _text1K = null!;
        private byte[] _binary1K = null!;
        private byte[] _binary64K = null!;
        private byte[] _connectBody = null!;

        [GlobalSetup]
        public async Task Setup()
        {
            _host = await BenchmarkHost.StartAsync(
                new Dictionary<string, string?>
                {
                    ["WebPubSubConnectionString"] = $"Endpoint=https://bench.webpubsub.azure.com;AccessKey={AccessKey};Version=1.0;",
                },
                typeof(BenchmarkFunctions));
            _events = new SignedEvents("bench.webpubsub.azure.com", AccessKey);
            string text = new string('x', 1024);
            _bareArguments = new { payload = text };
            _text1K = Encoding.UTF8.GetBytes(text);
            _binary1K = Enumerable.Range(0, 1024).Select(i => (byte)i).ToArray();
            _binary64K = Enumerable.Range(0, 64 * 1024).Select(i => (byte)i).ToArray();
            _connectBody = Encoding.UTF8.GetBytes(
                "{\"claims\":{\"sub\":[\"user-1\"],\"role\":[\"webpubsub.joinLeaveGroup\"]},\"query\":{\"access_token\":[\"x\"]}," +
                "\"headers\":{\"Host\":[\"bench.webpubsub.azure.com\"]},\"subprotocols\":[\"json.webpubsub.azure.v1\"],\"clientCertificates\":[]}");
        }

        [GlobalCleanup]
        public Task Cleanup() => _host.DisposeAsync().AsTask();

        // ---- user event, 1 KB text, sequential ----
        [Benchmark(Baseline = true), BenchmarkCategory("UserText1K")]
        public Task Bare() => _host.CallAsync("BenchmarkFunctions.Bare", _bareArguments);

        [Benchmark, BenchmarkCategory("UserText1K")]
        public Task UserText1K() => SendAsync(_events.User(_text1K, "text/plain"));

        [Benchmark, BenchmarkCategory("UserText1K")]
        public void RequestOnly() => _events.User(_text1K, "text/plain").Dispose();

        // ---- user event, 1 KB text, 8 concurrent callers ----
        [Benchmark(Baseline = true, OperationsPerInvoke = Callers * CallsPerCaller), BenchmarkCategory("UserText1K-8x")]
        public Task BareConcurrent() => Concurrently(Bare);

        [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller), BenchmarkCategory("UserText1K-8x")]
        public Task UserText1KConcurrent() => Concurrently(UserText1K);

        // ---- connect ----
        [Benchmark(Baseline = true), BenchmarkCategory("Connect")]
        public Task BareForConnect() => Bare();

        [Benchmark, BenchmarkCategory("Connect")]
        public Task Connect() => SendAsync(_events.Connect(_connectBody));

        [Benchmark(Baseline = true, OperationsPerInvoke = Callers * CallsPerCaller), BenchmarkCategory("Connect-8x")]
        public Task BareForConnectConcurrent() => Concurrently(Bare);

        [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller), BenchmarkCategory("Connect-8x")]
        public Task ConnectConcurrent() => Concurrently(Connect);

        // ---- binary: allocations must grow by at most one copy of the body (64 KB vs 1 KB) ----
        [Benchmark(Baseline = true), BenchmarkCategory("Binary")]
        public Task UserBinary1K() => SendAsync(_events.User(_binary1K, "application/octet-stream"));

        [Benchmark, BenchmarkCategory("Binary")]
        public Task UserBinary64K() => SendAsync(_events.User(_binary64K, "application/octet-stream"));

        private async Task SendAsync(HttpRequestMessage request)
        {
            using (request)
            using (HttpResponseMessage response = await _host.SendAsync(request).ConfigureAwait(false))
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}.");
                }
            }
        }

        private static Task Concurrently(Func<Task> call) =>
            Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
            {
                for (int i = 0; i < CallsPerCaller; i++)
                {
                    await call().ConfigureAwait(false);
                }
            })));
    }
}
