using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks
{
    public static class Program
    {
        // e.g. dotnet run -c Release -- --job short -f '*'
        public static void Main(string[] args)
        {
            // BenchmarkDotNet's out-of-process toolchain needs the .csproj name to equal the assembly name; this project
            // keeps the InternalsVisibleTo assembly name in Benchmarks.csproj, so run in-process unless told otherwise.
            if (!args.Any(a => a.Equals("--inProcess", StringComparison.OrdinalIgnoreCase)))
            {
                args = args.Append("--inProcess").ToArray();
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
