using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FunctionsHost.Tests.Infrastructure;
using NUnit.Framework;

namespace FunctionsHost.Tests
{
    /// <summary>The host as build/run.sh runs it: a process, its ready line, and a clean stop on SIGTERM.</summary>
    [TestFixture]
    public sealed class ProcessTests
    {
        private static readonly Regex ReadyLine = new("^Functions host listening on (http://127\\.0\\.0\\.1:\\d+)$");

        [Test]
        public async Task PrintsTheReadyLineWhenServing_AndStopsCleanlyOnSigterm()
        {
            using var host = HostProcess.Start(
                "--urls", "http://127.0.0.1:0",
                "--Host:Functions=" + TestPaths.ChatAssembly,
                "--WebPubSubConnectionString=Endpoint=http://localhost;Port=1;AccessKey=" + CloudEvents.AccessKey + ";Version=1.0;",
                "--WebPubSubHub=chat");

            var url = await host.WaitForAsync(ReadyLine, TimeSpan.FromSeconds(60));
            Assert.That(host.Output.Count(l => l.StartsWith(FunctionsHostApp.ReadyLinePrefix, StringComparison.Ordinal)), Is.EqualTo(1));

            using (var client = new HttpClient { BaseAddress = new Uri(url) })
            using (var index = await client.GetAsync("/api/index"))
            {
                // The ready line comes after the JobHost started: no 503 window left.
                Assert.That(index.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            host.Signal("TERM");
            Assert.That(await host.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.True, "exits after SIGTERM");
            Assert.That(host.ExitCode, Is.EqualTo(0), host.Transcript);
            Assert.That(host.Output, Has.Some.Contains("Job host stopped"));
        }

        [Test]
        public async Task AnAppThatCannotStart_ExitsNonZeroWithoutTheReadyLine()
        {
            // No connection configured: the negotiate binding fails at indexing, so the JobHost cannot start.
            using var host = HostProcess.Start("--urls", "http://127.0.0.1:0", "--Host:Functions=" + TestPaths.ChatAssembly, "--WebPubSubHub=chat");
            Assert.That(await host.WaitForExitAsync(TimeSpan.FromSeconds(60)), Is.True);
            Assert.That(host.ExitCode, Is.EqualTo(1), host.Transcript);
            Assert.That(host.Errors, Has.Some.Contains("could not start"));
            Assert.That(host.Output, Has.None.StartsWith(FunctionsHostApp.ReadyLinePrefix));
        }

        [Test]
        public async Task NoFunctionApp_ExitsWithUsage()
        {
            using var host = HostProcess.Start("--urls", "http://127.0.0.1:0");
            Assert.That(await host.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.True);
            Assert.That(host.ExitCode, Is.EqualTo(2));
            Assert.That(host.Errors, Has.Some.Contains("Host:Functions"));
        }

        private sealed class HostProcess : IDisposable
        {
            private readonly Process _process;
            private readonly ConcurrentQueue<string> _output = new();
            private readonly ConcurrentQueue<string> _errors = new();

            private HostProcess(Process process)
            {
                _process = process;
            }

            public string[] Output => _output.ToArray();

            public string[] Errors => _errors.ToArray();

            public int ExitCode => _process.ExitCode;

            public string Transcript => string.Join("\n", Output) + "\n--- stderr ---\n" + string.Join("\n", Errors);

            public static HostProcess Start(params string[] args)
            {
                var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                info.ArgumentList.Add(TestPaths.HostAssembly);
                foreach (var arg in args)
                {
                    info.ArgumentList.Add(arg);
                }
                info.Environment["DOTNET_NOLOGO"] = "1";
                var process = new Process { StartInfo = info, EnableRaisingEvents = true };
                var host = new HostProcess(process);
                process.OutputDataReceived += (_, e) => { if (e.Data != null) host._output.Enqueue(e.Data); };
                process.ErrorDataReceived += (_, e) => { if (e.Data != null) host._errors.Enqueue(e.Data); };
                process.Start();
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                return host;
            }

            public async Task<string> WaitForAsync(Regex line, TimeSpan timeout)
            {
                var deadline = DateTime.UtcNow + timeout;
                while (DateTime.UtcNow < deadline)
                {
                    var match = _output.Select(l => line.Match(l)).FirstOrDefault(m => m.Success);
                    if (match != null)
                    {
                        return match.Groups[1].Value;
                    }
                    if (_process.HasExited)
                    {
                        Assert.Fail("The host exited before its ready line:\n" + Transcript);
                    }
                    await Task.Delay(50);
                }
                Assert.Fail("No ready line in time:\n" + Transcript);
                return null!;
            }

            public void Signal(string signal)
            {
                using var kill = Process.Start("kill", new[] { "-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })!;
                kill.WaitForExit();
            }

            public async Task<bool> WaitForExitAsync(TimeSpan timeout)
            {
                var exited = _process.WaitForExitAsync();
                if (await Task.WhenAny(exited, Task.Delay(timeout)) != exited)
                {
                    return false;
                }
                await exited; // drains the redirected output
                return true;
            }

            public void Dispose()
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
                _process.Dispose();
            }
        }
    }
}
