using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace FunctionsHost
{
    /// <summary>
    /// Loads a function app (class library) and the dependencies only it has from its own folder, while every
    /// assembly the host itself ships (WebJobs, this extension, ASP.NET Core, Newtonsoft.Json, ...) resolves to the
    /// host's copy in the default context. That keeps type identity: the <c>[WebPubSubTrigger]</c> or
    /// <c>HttpRequest</c> the app was compiled against is the very type the JobHost binds, whatever version of the
    /// assembly sits in the app's bin folder (as in the Functions host, the host's version wins).
    /// </summary>
    public sealed class FunctionAppLoadContext : AssemblyLoadContext
    {
        private readonly AssemblyDependencyResolver _resolver;
        private readonly HashSet<string> _hostAssemblies;

        public FunctionAppLoadContext(string mainAssemblyPath)
            : base("FunctionApp:" + Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: false)
        {
            MainAssemblyPath = mainAssemblyPath;
            _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
            _hostAssemblies = HostAssemblyNames();
        }

        public string MainAssemblyPath { get; }

        /// <summary>True when <paramref name="name"/> is shared with (and so taken from) the host.</summary>
        public bool IsSharedWithHost(AssemblyName name) => name.Name != null && _hostAssemblies.Contains(name.Name);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (IsSharedWithHost(assemblyName))
            {
                // null: fall back to the default context, i.e. the host's own copy.
                return null;
            }
            var path = _resolver.ResolveAssemblyToPath(assemblyName);
            return path != null ? LoadFromAssemblyPath(path) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
            return path != null ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
        }

        /// <summary>Simple names of every assembly the host process can load itself (its trusted platform assemblies).</summary>
        private static HashSet<string> HostAssemblyNames()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string tpa)
            {
                foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    names.Add(Path.GetFileNameWithoutExtension(path));
                }
            }
            foreach (var loaded in Default.Assemblies)
            {
                if (loaded.GetName().Name is { } name)
                {
                    names.Add(name);
                }
            }
            return names;
        }
    }
}
