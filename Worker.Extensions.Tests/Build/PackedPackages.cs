using System;
using System.Collections.Generic;
using System.IO;

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
            // pack builds what is missing (e.g. the netstandard2.0 assemblies) and reuses what is up to date.
            Dotnet.Run(PackTimeout, new Dictionary<string, string>(), "pack", Path.Combine(root, "Extension", "Extension.csproj"), "-c", Dotnet.Configuration(), "-o", feed);
            Dotnet.Run(PackTimeout, new Dictionary<string, string>(), "pack", Path.Combine(root, "Worker.Extensions", "Worker.Extensions.csproj"), "-c", Dotnet.Configuration(), "-o", feed);
            return result;
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
