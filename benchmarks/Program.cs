using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks
{
    public static class Program
    {
        // e.g. dotnet run -c Release -- --job short -f '*'
        //      dotnet run -c Release -- loopback [requests]   (host CPU through tools/FunctionsHost; see README)
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "alloc") { AllocProbe.RunAsync().GetAwaiter().GetResult(); return 0; }
            if (args.Length > 0 && args[0] == "profile")
            {
                return ProfileLoop.RunAsync(args.Skip(1).ToArray()).GetAwaiter().GetResult();
            }
            if (args.Length > 0 && args[0] == "output")
            {
                OutputProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3000).GetAwaiter().GetResult();
                return 0;
            }
            if (args.Length > 0 && args[0] == "loopback")
            {
                return Loopback.LoopbackCpu.RunAsync(args.Skip(1).ToArray()).GetAwaiter().GetResult();
            }

            // BenchmarkDotNet's out-of-process toolchain needs the .csproj name to equal the assembly name; this project
            // keeps the InternalsVisibleTo assembly name in Benchmarks.csproj, so run in-process unless told otherwise.
            if (!args.Any(a => a.Equals("--inProcess", StringComparison.OrdinalIgnoreCase)))
            {
                args = args.Append("--inProcess").ToArray();
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
