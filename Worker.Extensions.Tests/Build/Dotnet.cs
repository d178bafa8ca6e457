using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Build
{
    /// <summary>Runs the dotnet that runs the tests as a child process, with a timeout; nothing outlives it.</summary>
    internal static class Dotnet
    {
        public static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "WebJobs.Extensions.WebPubSub.sln")))
                {
                    return directory.FullName;
                }
            }
            throw new InvalidOperationException("The repository root is not above " + TestContext.CurrentContext.TestDirectory);
        }

        /// <summary>The configuration the tests were built in (bin/&lt;Configuration&gt;/&lt;tfm&gt;/).</summary>
        public static string Configuration() => new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;

        public static void Run(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
        {
            var stopwatch = Stopwatch.StartNew();
            var (exitCode, output) = Execute(timeout, environment, arguments);
            TestContext.Progress.WriteLine($"dotnet {arguments[0]} {Path.GetFileName(arguments[1])}: exit code {exitCode} after {stopwatch.Elapsed.TotalSeconds:F1} s.");
            if (exitCode != 0)
            {
                Assert.Fail($"dotnet {string.Join(" ", arguments)} failed (exit code {exitCode}):{Environment.NewLine}{output}");
            }
        }

        private static (int ExitCode, string Output) Execute(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, string[] arguments)
        {
            var start = new ProcessStartInfo(Executable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments.Concat(new[] { "--disable-build-servers", "-nodeReuse:false" }))
            {
                start.ArgumentList.Add(argument);
            }
            // The test run's own MSBuild variables must not steer the child build.
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(name);
            }
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            foreach (var pair in environment)
            {
                start.Environment[pair.Key] = pair.Value;
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (-1, $"timed out after {timeout}{Environment.NewLine}{output}");
            }
            process.WaitForExit();
            return (process.ExitCode, output.ToString());
        }

        private static string Executable()
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }
}
