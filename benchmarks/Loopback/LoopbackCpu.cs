using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks.Host;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks.Loopback
{
    /// <summary>
    /// Host CPU per request through <c>tools/FunctionsHost</c> over loopback (the local loop's Kestrel path): a 1 KB
    /// webhook user event against an HttpTrigger that returns 200 with the same 1 KB body, in the same host process.
    /// CPU is the host process's user+system time (<see cref="Process.TotalProcessorTime"/>) over a batch; the
    /// driver runs in this process, so its own work is not counted.
    /// </summary>
    internal static class LoopbackCpu
    {
        private const int Rounds = 5;

        private const string AccessKey = "benchmark-access-key-0123456789abcdefghij";
        private const int Concurrency = 8;

        public static async Task<int> RunAsync(string[] args)
        {
            int requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5000;
            string root = FindRepositoryRoot();
            using var host = await StartHostAsync(root).ConfigureAwait(false);
            using var client = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
            var events = new SignedEvents("127.0.0.1", AccessKey);
            byte[] body = Encoding.UTF8.GetBytes(new string('x', 1024));

            Func<HttpRequestMessage> webhook = () => Retarget(events.User(body, "text/plain"), "/runtime/webhooks/webpubsub");
            Func<HttpRequestMessage> http = () => new HttpRequestMessage(HttpMethod.Post, "/api/ping") { Content = new ByteArrayContent(body) };

            await MeasureAsync(host.Process, client, webhook, requests / 2).ConfigureAwait(false); // warm-up
            await MeasureAsync(host.Process, client, http, requests / 2).ConfigureAwait(false);

            var webhookCpu = new List<double>();
            var httpCpu = new List<double>();
            for (int round = 0; round < Rounds; round++)
            {
                webhookCpu.Add(await MeasureAsync(host.Process, client, webhook, requests).ConfigureAwait(false));
                httpCpu.Add(await MeasureAsync(host.Process, client, http, requests).ConfigureAwait(false));
            }

            double w = Median(webhookCpu), h = Median(httpCpu);
            Console.WriteLine($"Host CPU per request, median of {Rounds} rounds of {requests} requests, {Concurrency} concurrent callers:");
            Console.WriteLine($"| Request | CPU per request | Rounds |");
            Console.WriteLine($"|---|---|---|");
            Console.WriteLine($"| Webhook user event, 1 KB text | {w:F1} µs | {string.Join(", ", webhookCpu.Select(v => v.ToString("F1")))} |");
            Console.WriteLine($"| HttpTrigger returning 200, 1 KB body | {h:F1} µs | {string.Join(", ", httpCpu.Select(v => v.ToString("F1")))} |");
            Console.WriteLine($"Ratio webhook / HttpTrigger: {w / h:F2} (of the medians)");
            // The host keeps getting faster (tiered JIT, PGO) while it runs, so each round's own ratio is steadier.
            var ratios = webhookCpu.Zip(httpCpu, (a, b) => a / b).ToList();
            Console.WriteLine($"Median of the per-round ratios: {Median(ratios):F2} ({string.Join(", ", ratios.Select(v => v.ToString("F2")))})");
            return 0;
        }

        private static HttpRequestMessage Retarget(HttpRequestMessage request, string path)
        {
            request.RequestUri = new Uri(path, UriKind.Relative);
            return request;
        }

        /// <summary>Host CPU microseconds per request over one batch.</summary>
        private static async Task<double> MeasureAsync(Process host, HttpClient client, Func<HttpRequestMessage> create, int requests)
        {
            host.Refresh();
            TimeSpan before = host.TotalProcessorTime;
            int next = -1;
            await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
            {
                while (System.Threading.Interlocked.Increment(ref next) < requests)
                {
                    using HttpRequestMessage request = create();
                    using HttpResponseMessage response = await client.SendAsync(request).ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"{request.RequestUri} answered {(int)response.StatusCode}.");
                    }
                }
            }))).ConfigureAwait(false);
            host.Refresh();
            return (host.TotalProcessorTime - before).TotalMilliseconds * 1000 / requests;
        }

        private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);

        private static async Task<HostProcess> StartHostAsync(string root)
        {
            string hostDll = Path.Combine(root, "tools", "FunctionsHost", "bin", "Release", "net10.0", "FunctionsHost.dll");
            string appDll = Path.Combine(root, "benchmarks", "LoopbackApp", "bin", "Release", "net10.0", "LoopbackApp.dll");
            foreach (string file in new[] { hostDll, appDll })
            {
                if (!File.Exists(file))
                {
                    throw new FileNotFoundException($"Build the solution in Release first: {file} is missing.");
                }
            }

            int port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[]
            {
                hostDll, $"--urls=http://127.0.0.1:{port}", "--Host:Functions=" + appDll,
                $"--WebPubSubConnectionString=Endpoint=http://127.0.0.1;Port=1;AccessKey={AccessKey};Version=1.0;",
                "--WebPubSubHub=bench", "--Logging:LogLevel:Default=Warning",
            })
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Functions host listening", StringComparison.Ordinal) == true) { ready.TrySetResult(true); } };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(60))).ConfigureAwait(false) != ready.Task)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The functions host did not print its ready line within 60 s.");
            }
            return new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        }

        private static int FreePort()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static string FindRepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "WebJobs.Extensions.WebPubSub.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new DirectoryNotFoundException("Run from inside the repository.");
        }

        private sealed class HostProcess : IDisposable
        {
            public HostProcess(Process process, Uri baseUri)
            {
                Process = process;
                BaseUri = baseUri;
            }

            public Process Process { get; }

            public Uri BaseUri { get; }

            public void Dispose()
            {
                if (!Process.HasExited)
                {
                    Process.Kill(entireProcessTree: true);
                    Process.WaitForExit(10_000);
                }
                Process.Dispose();
            }
        }
    }
}
