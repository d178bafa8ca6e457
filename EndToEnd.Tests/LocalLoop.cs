using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Threading.Tasks;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.EndToEnd
{
    /// <summary>
    /// The local development loop as <c>build/run.sh</c> starts it: the service stand-in and the functions host
    /// with the chat sample, as child processes on free loopback ports, the stand-in's event handler pointed at
    /// the host. Disposing stops both.
    /// </summary>
    internal sealed class LocalLoop : IAsyncDisposable
    {
        private readonly ManagedProcess[] _processes;

        private LocalLoop(Uri standIn, Uri host, string hub, ManagedProcess[] processes)
        {
            StandInUrl = standIn;
            HostUrl = host;
            Hub = hub;
            _processes = processes;
        }

        public Uri StandInUrl { get; }

        public Uri HostUrl { get; }

        public string Hub { get; }

        public string Output => string.Join(Environment.NewLine, _processes.Select(p => p.Output));

        /// <param name="hostKey">The access key the functions host is configured with; another than the stand-in's simulates a misconfigured app.</param>
        /// <param name="identity">
        /// Connect the host with a managed identity instead of the key, as <c>build/run.sh --identity</c> does: the
        /// stand-in also serves HTTPS and an App Service-style identity endpoint; the host gets <c>IDENTITY_ENDPOINT</c>,
        /// <c>IDENTITY_HEADER</c> and <c>WebPubSubConnectionString__serviceUri/__credential/__clientId</c>.
        /// </param>
        public static async Task<LocalLoop> StartAsync(string hub = "chat", string? hostKey = null, bool identity = false)
        {
            var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            var standInPort = FreePort();
            var httpsPort = FreePort();
            var hostPort = FreePort();
            // Resolve every path before starting anything, so a missing build never leaves a process behind.
            var standInDll = Repo.Tool("tools/WebPubSubStandIn", "WebPubSubStandIn.dll");
            var hostDll = Repo.Tool("tools/FunctionsHost", "FunctionsHost.dll");
            var chatDll = Repo.Tool("samples/Chat", "Chat.dll");
            var standInArgs = new List<string>
            {
                $"--urls=http://127.0.0.1:{standInPort}" + (identity ? $";https://127.0.0.1:{httpsPort}" : string.Empty),
                $"--StandIn:ConnectionString=Endpoint=http://127.0.0.1;Port={standInPort};AccessKey={key};Version=1.0;",
                $"--StandIn:Hubs:{hub}:UrlTemplate=http://127.0.0.1:{hostPort}/runtime/webhooks/webpubsub",
            };
            var hostArgs = new List<string> { $"--urls=http://127.0.0.1:{hostPort}", $"--Host:Functions={chatDll}", $"--WebPubSubHub={hub}" };
            var hostEnvironment = new Dictionary<string, string>();
            if (identity)
            {
                var header = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                var clientId = Guid.NewGuid().ToString();
                standInArgs.Add("--StandIn:ManagedIdentity:Header=" + header);
                standInArgs.Add("--StandIn:Identities:chat:ClientId=" + clientId);
                standInArgs.Add("--StandIn:Identities:chat:Roles=Web PubSub Service Owner");
                hostEnvironment["IDENTITY_ENDPOINT"] = $"http://127.0.0.1:{standInPort}/msi/token";
                hostEnvironment["IDENTITY_HEADER"] = header;
                hostEnvironment["WebPubSubConnectionString__serviceUri"] = $"https://127.0.0.1:{httpsPort}";
                hostEnvironment["WebPubSubConnectionString__credential"] = "managedidentity";
                hostEnvironment["WebPubSubConnectionString__clientId"] = clientId;
            }
            else
            {
                hostArgs.Add($"--WebPubSubConnectionString=Endpoint=http://127.0.0.1;Port={standInPort};AccessKey={hostKey ?? key};Version=1.0;");
            }
            var standIn = ManagedProcess.Start("stand-in", standInDll, new Dictionary<string, string>(), standInArgs.ToArray());
            var host = ManagedProcess.Start("host", hostDll, hostEnvironment, hostArgs.ToArray());
            var loop = new LocalLoop(new Uri($"http://127.0.0.1:{standInPort}"), new Uri($"http://127.0.0.1:{hostPort}"), hub, new[] { standIn, host });
            try
            {
                await standIn.WaitForLineAsync("Web PubSub stand-in listening on", TimeSpan.FromSeconds(60));
                await host.WaitForLineAsync("Functions host listening on", TimeSpan.FromSeconds(60));
            }
            catch
            {
                await loop.DisposeAsync();
                throw;
            }
            return loop;
        }

        /// <summary>The stand-in's local CA certificate (created if needed), for clients that must trust its HTTPS.</summary>
        public static async Task<string> CertificateAuthorityAsync()
        {
            await using var ca = ManagedProcess.Start("ca", Repo.Tool("tools/WebPubSubStandIn", "WebPubSubStandIn.dll"), new Dictionary<string, string>(), "ca");
            await ca.WaitForExitAsync(TimeSpan.FromSeconds(60));
            return ca.LastLine;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var process in _processes)
            {
                await process.DisposeAsync();
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    /// <summary>A child process whose output is kept (for assertions and failure messages) and which dies with the test.</summary>
    internal sealed class ManagedProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly string _name;

        private ManagedProcess(string name, Process process)
        {
            _name = name;
            _process = process;
        }

        public string Output => string.Join(Environment.NewLine, _lines.Select(l => $"[{_name}] {l}"));

        public static ManagedProcess Start(string name, string dll, IDictionary<string, string> environment, params string[] arguments)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(dll);
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }
            info.Environment["DOTNET_NOLOGO"] = "1";
            foreach (var pair in environment)
            {
                info.Environment[pair.Key] = pair.Value;
            }
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            var managed = new ManagedProcess(name, process);
            process.OutputDataReceived += (_, e) => { if (e.Data != null) managed._lines.Enqueue(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) managed._lines.Enqueue(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return managed;
        }

        public async Task WaitForLineAsync(string text, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"{_name} exited with {_process.ExitCode} before '{text}':{Environment.NewLine}{Output}");
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{_name} did not print '{text}' within {timeout}:{Environment.NewLine}{Output}");
                }
                await Task.Delay(100);
            }
        }

        public string LastLine => _lines.LastOrDefault() ?? string.Empty;

        public async Task WaitForExitAsync(TimeSpan timeout)
        {
            using var cancel = new System.Threading.CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cancel.Token);
            // Output events may trail the exit; WaitForExit() without timeout drains them.
            _process.WaitForExit();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }

    /// <summary>Where the repository and the built tools are, whatever folder the tests run from.</summary>
    internal static class Repo
    {
        public static string Root { get; } = FindRoot();

        private static readonly string Configuration =
            typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

        public static string Tool(string projectFolder, string dll)
        {
            var path = Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", dll);
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.", path);
        }

        public static string Js(string file) => Path.Combine(Root, "EndToEnd.Tests", "js", file);

        private static string FindRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "WebJobs.Extensions.WebPubSub.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
        }
    }
}
