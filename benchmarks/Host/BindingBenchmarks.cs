using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks.Host
{
    /// <summary>
    /// Negotiate (input) and output actions through a real JobHost. Floors, measured in the same run: a bare
    /// invocation (negotiate); a bare invocation plus raw HttpClient POSTs of the same bodies with a precomputed
    /// token to the same loopback service (output).
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class BindingBenchmarks
    {
        private const string AccessKey = "benchmark-access-key-0123456789abcdefghij";

        // The shape and length of a real REST token (header.claims.signature); the floor never signs.
        private const string PrecomputedToken =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwOi8vMTI3LjAuMC4xL2FwaS9odWJzL2JlbmNoLzpzZW5kP2FwaS12ZXJzaW9uPTIwMjQtMTItMDEiLCJpYXQiOjE3OTYxNTgwMDAsIm5iZiI6MTc5NjE1ODAwMCwiZXhwIjoxNzk2MTYxNjAwfQ.c2lnbmF0dXJlLWJ5dGVzLXBsYWNlaG9sZGVyLTAxMjM0NTY3ODk";

        private LoopbackService _service = null!;
        private BenchmarkHost _host = null!;
        private HttpClient _raw = null!;
        private string _sendUrl = null!;
        private object _arguments = null!;
        private byte[] _payload = null!;

        [GlobalSetup]
        public async Task Setup()
        {
            _service = await LoopbackService.StartAsync();
            _host = await BenchmarkHost.StartAsync(
                new Dictionary<string, string?>
                {
                    ["WebPubSubConnectionString"] = $"Endpoint=http://127.0.0.1;Port={_service.BaseUri.Port};AccessKey={AccessKey};Version=1.0;",
                },
                typeof(BenchmarkFunctions));
            _raw = new HttpClient();
            _sendUrl = $"{_service.BaseUri.GetLeftPart(System.UriPartial.Authority)}/api/hubs/{BenchmarkFunctions.Hub}/:send?api-version=2024-12-01";
            string text = new string('x', 1024);
            _arguments = new { payload = text };
            _payload = Encoding.UTF8.GetBytes(text);
        }

        [GlobalCleanup]
        public async Task Cleanup()
        {
            _raw.Dispose();
            await _host.DisposeAsync();
            await _service.DisposeAsync();
        }

        [Benchmark(Baseline = true), BenchmarkCategory("Negotiate")]
        public Task Bare() => _host.CallAsync("BenchmarkFunctions.Bare", _arguments);

        [Benchmark, BenchmarkCategory("Negotiate")]
        public Task Negotiate() => _host.CallAsync("BenchmarkFunctions.Negotiate");

        [Benchmark(Baseline = true), BenchmarkCategory("SendToAll1K")]
        public async Task BarePlusRawPost()
        {
            await Bare().ConfigureAwait(false);
            await RawPostAsync().ConfigureAwait(false);
        }

        [Benchmark, BenchmarkCategory("SendToAll1K")]
        public Task SendToAll1K() => _host.CallAsync("BenchmarkFunctions.SendToAll", _arguments);

        [Benchmark(Baseline = true), BenchmarkCategory("SendToAll1K-10x")]
        public async Task BarePlusTenRawPosts()
        {
            await Bare().ConfigureAwait(false);
            for (int i = 0; i < 10; i++)
            {
                await RawPostAsync().ConfigureAwait(false);
            }
        }

        [Benchmark, BenchmarkCategory("SendToAll1K-10x")]
        public Task SendToAll1KTenActions() => _host.CallAsync("BenchmarkFunctions.SendToAllTenTimes", _arguments);

        private async Task RawPostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _sendUrl) { Content = new ByteArrayContent(_payload) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PrecomputedToken);
            using HttpResponseMessage response = await _raw.SendAsync(request).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
    }
}
