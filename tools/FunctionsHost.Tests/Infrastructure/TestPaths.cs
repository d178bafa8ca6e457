using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace FunctionsHost.Tests.Infrastructure
{
    /// <summary>Where the build put the chat sample and the host (same configuration as these tests).</summary>
    internal static class TestPaths
    {
        public static string ChatAssembly => Metadata("ChatAssembly");

        public static string HostAssembly => Metadata("HostAssembly");

        private static string Metadata(string key)
        {
            var path = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{key} '{path}' is missing: build the solution first.");
            }
            return path;
        }
    }
}
