using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hosting
{
    /// <summary>
    /// Builds a function app project with the real <c>Microsoft.NET.Sdk.Functions</c> through <c>dotnet build</c>,
    /// as a user's build would. Needs only the package registry (through the machine's default NuGet
    /// configuration) for the first restore.
    /// </summary>
    internal static class FunctionAppBuild
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

        /// <summary>Builds the project (path relative to the repository root) into a new temporary folder, returned.</summary>
        public static string Build(string project)
        {
            var path = Path.Combine(FindRepositoryRoot(), project);
            Assert.That(path, Does.Exist);
            var output = Path.Combine(Path.GetTempPath(), "webpubsub-functionapp-" + Guid.NewGuid().ToString("N"));

            var stopwatch = Stopwatch.StartNew();
            var (exitCode, log) = RunDotnet(
                "build", path, "-c", "Release", "-o", output,
                // No build servers or reused nodes: nothing may outlive the build and hold its output open.
                "--disable-build-servers", "-nodeReuse:false");
            TestContext.Progress.WriteLine($"{Path.GetFileName(project)} build: exit code {exitCode} after {stopwatch.Elapsed.TotalSeconds:F1} s.");
            if (exitCode != 0)
            {
                Assert.Fail($"dotnet build of {project} failed (exit code {exitCode}):{Environment.NewLine}{log}");
            }
            return output;
        }

        /// <summary>Loads the built app's assembly from the output's <c>bin</c> folder (see <see cref="AppLoadContext"/>).</summary>
        public static Assembly Load(string output, string assemblyName) =>
            new AppLoadContext(Path.Combine(output, "bin")).LoadApp(assemblyName);

        public static void Delete(string? output)
        {
            if (output != null && Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "WebJobs.Extensions.WebPubSub.sln")))
                {
                    return directory.FullName;
                }
            }
            throw new InvalidOperationException("The repository root (WebJobs.Extensions.WebPubSub.sln) is not above " + TestContext.CurrentContext.TestDirectory);
        }

        /// <summary>Runs the same dotnet that runs the tests; returns its exit code and everything it printed.</summary>
        private static (int ExitCode, string Output) RunDotnet(params string[] arguments)
        {
            var start = new ProcessStartInfo(DotnetExecutable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            // The test run's own MSBuild variables (set by dotnet test) must not steer the child build.
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(name);
            }
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)BuildTimeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                lock (output)
                {
                    return (-1, $"Timed out after {BuildTimeout.TotalMinutes} min.{Environment.NewLine}{output}");
                }
            }
            process.WaitForExit(); // drains the asynchronous output readers
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }

        private static string DotnetExecutable()
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }

    /// <summary>
    /// Loads a built app from its bin folder; every assembly this test process has (WebJobs, this extension, ...)
    /// comes from the process, so the app's attributes are the types the JobHost binds.
    /// </summary>
    internal sealed class AppLoadContext : AssemblyLoadContext
    {
        private readonly string _bin;

        public AppLoadContext(string bin)
            : base("FunctionApp:" + bin)
        {
            _bin = bin;
        }

        public Assembly LoadApp(string name) => LoadFromAssemblyPath(Path.Combine(_bin, name + ".dll"));

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            try
            {
                return Default.LoadFromAssemblyName(assemblyName);
            }
            catch (FileNotFoundException)
            {
                var path = Path.Combine(_bin, assemblyName.Name + ".dll");
                return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
            }
        }
    }
}
