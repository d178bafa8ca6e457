using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks.Host;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks
{
    /// <summary>
    /// A steady load for a sampling profiler (see README): one event kind through the webhook of a real JobHost,
    /// sequentially, for the given seconds. <c>dotnet-trace collect --profile cpu-sampling -- dotnet Benchmarks.dll profile user 20</c>.
    /// </summary>
    internal static class ProfileLoop
    {
        private const string Key = "benchmark-access-key-0123456789abcdefghij";

        public static async Task<int> RunAsync(string[] args)
        {
            string kind = args.Length > 0 ? args[0] : "user";
            var duration = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
            // "user-origin-only": an identity-based connection, so requests are checked by origin and not signed;
            // the difference to "user" is the signature check's share.
            var settings = kind == "user-origin-only"
                ? new Dictionary<string, string?> { ["WebPubSubConnectionString:serviceUri"] = "https://bench.webpubsub.azure.com" }
                : new Dictionary<string, string?> { ["WebPubSubConnectionString"] = $"Endpoint=https://bench.webpubsub.azure.com;AccessKey={Key};Version=1.0;" };
            var host = await BenchmarkHost.StartAsync(settings, typeof(BenchmarkFunctions));
            var events = new SignedEvents("bench.webpubsub.azure.com", Key);
            byte[] body = Encoding.UTF8.GetBytes(new string('x', 1024));
            var args1K = new { payload = new string('x', 1024) };
            long failures = 0;
            Func<Task> call = kind switch
            {
                "bare" => () => host.CallAsync("BenchmarkFunctions.Bare", args1K),
                "negotiate" => () => host.CallAsync("BenchmarkFunctions.Negotiate"),
                _ => async () =>
                {
                    using var r = events.User(body, "text/plain");
                    using var response = await host.SendAsync(r).ConfigureAwait(false);
                    failures += response.IsSuccessStatusCode ? 0 : 1;
                },
            };

            long count = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < duration)
            {
                await call().ConfigureAwait(false);
                count++;
            }
            Console.WriteLine($"{kind}: {count} calls, {watch.Elapsed.TotalMilliseconds * 1000 / count:F1} us each, {failures} not answered 2xx");
            await host.DisposeAsync();
            return 0;
        }
    }
}
