using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks
{
    /// <summary>A quick probe for the split tables: exact bytes per call, rough time per call (warmed up, one thread).</summary>
    internal static class Probe
    {
        public static async Task MeasureAsync(string name, int n, Func<Task> call)
        {
            for (int i = 0; i < Math.Max(200, n / 3); i++)
            {
                await call().ConfigureAwait(false);
            }

            long before = GC.GetTotalAllocatedBytes(true);
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                await call().ConfigureAwait(false);
            }
            watch.Stop();
            long after = GC.GetTotalAllocatedBytes(true);
            Console.WriteLine($"{name,-32} {(after - before) / n,8} B  {watch.Elapsed.TotalMilliseconds * 1000 / n,8:F1} us");
        }
    }
}
