using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Build
{
    /// <summary>
    /// Both packages packed into a fresh folder feed, and a private NuGet packages folder for apps restored from it:
    /// the machine's global folder would keep serving an older package of the same version.
    /// </summary>
    internal sealed class PackedPackages : IDisposable
    {
        private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
        private static readonly string[] PackageIds = { "Microsoft.Azure.WebJobs.Extensions.WebPubSub", "Microsoft.Azure.Functions.Worker.Extensions.WebPubSub" };

        private PackedPackages(string feed, string packages)
        {
            Feed = feed;
            Packages = packages;
        }

        public string Feed { get; }

        /// <summary>Kept between runs under artifacts/ (downloads are slow); our own packages are removed before each use.</summary>
        public string Packages { get; }

        public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages };

        public static PackedPackages Create()
        {
            var root = Dotnet.RepositoryRoot();
            var feed = Path.Combine(Path.GetTempPath(), "webpubsub-feed-" + Guid.NewGuid().ToString("N"));
            var packages = Path.Combine(root, "artifacts", "isolated-build", "packages");
            foreach (var id in PackageIds)
            {
                var stale = Path.Combine(packages, id.ToLowerInvariant());
                if (Directory.Exists(stale))
                {
                    Directory.Delete(stale, recursive: true);
                }
            }
            Directory.CreateDirectory(feed);
            var result = new PackedPackages(feed, packages);
            Pack(Path.Combine(root, "Extension", "Extension.csproj"), "Microsoft.Azure.WebJobs.Extensions.WebPubSub.dll", feed);
            Pack(Path.Combine(root, "Worker.Extensions", "Worker.Extensions.csproj"), "Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.dll", feed);
            return result;
        }

        /// <summary>
        /// Packs what the solution build produced; builds only when a target framework's assembly is missing (a test
        /// project builds just the one framework it references), so a parallel test run finds the outputs untouched.
        /// </summary>
        private static void Pack(string project, string assembly, string feed)
        {
            var bin = Path.Combine(Path.GetDirectoryName(project)!, "bin", Dotnet.Configuration());
            var built = new[] { "netstandard2.0", "net8.0" }.All(tfm => File.Exists(Path.Combine(bin, tfm, assembly)));
            var arguments = new List<string> { "pack", project, "-c", Dotnet.Configuration(), "-o", feed };
            if (built)
            {
                arguments.Add("--no-build");
            }
            Dotnet.Run(PackTimeout, new Dictionary<string, string>(), arguments.ToArray());
        }

        /// <summary>Builds an isolated app from the feed (plus the machine's default sources) into <paramref name="output"/>.</summary>
        public void BuildApp(string project, string output, TimeSpan timeout) =>
            Dotnet.Run(timeout, Environment, "build", project, "-c", "Release", "-o", output, "-p:RestoreAdditionalProjectSources=" + Feed);

        public void Dispose()
        {
            if (Directory.Exists(Feed))
            {
                Directory.Delete(Feed, recursive: true);
            }
        }
    }
}
