using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.EndToEnd
{
    /// <summary>Runs one of the JavaScript scenarios in <c>js/</c> with Node.js; the scenario asserts and exits non-zero on failure.</summary>
    internal static class Node
    {
        public static async Task<(int ExitCode, string Output)> RunAsync(string script, IDictionary<string, string> environment, TimeSpan timeout)
        {
            var modules = Path.Combine(Repo.Root, "EndToEnd.Tests", "js", "node_modules");
            if (!Directory.Exists(modules))
            {
                throw new InvalidOperationException($"Node packages are missing: run 'npm ci --prefix EndToEnd.Tests/js' (.ci/run does).");
            }
            var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(Repo.Js(script));
            foreach (var pair in environment)
            {
                info.Environment[pair.Key] = pair.Value;
            }
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(timeout)) != exited)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"timed out after {timeout}{Environment.NewLine}{await stdout}{await stderr}");
            }
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
