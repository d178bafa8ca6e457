using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Indexers;

namespace FunctionsHost
{
    /// <summary>A loaded function app: its assembly, its public types and its HTTP-triggered functions.</summary>
    public sealed class FunctionApp : ITypeLocator
    {
        private readonly IReadOnlyList<Type> _types;

        private FunctionApp(Assembly assembly, FunctionAppLoadContext context, IReadOnlyList<Type> types, IReadOnlyDictionary<string, HttpFunction> httpFunctions)
        {
            Assembly = assembly;
            LoadContext = context;
            _types = types;
            HttpFunctions = httpFunctions;
        }

        public Assembly Assembly { get; }

        public FunctionAppLoadContext LoadContext { get; }

        /// <summary>HTTP-triggered functions by <c>[FunctionName]</c>, case-insensitive.</summary>
        public IReadOnlyDictionary<string, HttpFunction> HttpFunctions { get; }

        /// <summary>The types the JobHost indexes: the app's public types.</summary>
        public IReadOnlyList<Type> GetTypes() => _types;

        public static FunctionApp Load(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new FunctionAppLoadException(
                    "No function app: set Host:Functions to the path of its assembly, e.g. --Host:Functions=samples/Chat/bin/Release/net10.0/Chat.dll.");
            }
            var fullPath = Path.GetFullPath(path);
            if (!File.Exists(fullPath))
            {
                throw new FunctionAppLoadException($"The function app assembly '{fullPath}' (Host:Functions) does not exist. Build it first.");
            }

            var context = new FunctionAppLoadContext(fullPath);
            Assembly assembly;
            Type[] types;
            try
            {
                assembly = context.LoadFromAssemblyPath(fullPath);
                types = assembly.GetExportedTypes();
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException)
            {
                throw new FunctionAppLoadException($"The function app '{fullPath}' could not be loaded: {e.Message}", e);
            }

            CheckSharedTypeIdentity(assembly, context);
            return new FunctionApp(assembly, context, types, IndexHttpFunctions(types));
        }

        /// <summary>
        /// The app must see the host's WebJobs: a second copy would make its attributes different types and the
        /// JobHost would silently find no functions.
        /// </summary>
        private static void CheckSharedTypeIdentity(Assembly assembly, FunctionAppLoadContext context)
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is "Microsoft.Azure.WebJobs" or "Microsoft.Azure.WebJobs.Host" or "Microsoft.Azure.WebJobs.Extensions.Http" or "Microsoft.Azure.WebJobs.Extensions.WebPubSub"
                    && !context.IsSharedWithHost(reference))
                {
                    throw new FunctionAppLoadException(
                        $"The function app references '{reference.Name}', which this host does not ship; its attributes would not be the host's types.");
                }
            }
        }

        private static IReadOnlyDictionary<string, HttpFunction> IndexHttpFunctions(IEnumerable<Type> types)
        {
            var functions = new Dictionary<string, HttpFunction>(StringComparer.OrdinalIgnoreCase);
            foreach (var type in types)
            {
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    var name = method.GetCustomAttribute<FunctionNameAttribute>()?.Name;
                    if (name == null)
                    {
                        continue;
                    }
                    foreach (var parameter in method.GetParameters())
                    {
                        var trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>();
                        if (trigger == null)
                        {
                            continue;
                        }
                        if (functions.TryGetValue(name, out var existing))
                        {
                            throw new FunctionAppLoadException(
                                $"Two HTTP functions are named '{name}' (case-insensitive): {existing.Method.DeclaringType}.{existing.Method.Name} and {type}.{method.Name}.");
                        }
                        functions[name] = new HttpFunction(name, method, parameter.Name!, trigger.Methods);
                    }
                }
            }
            return functions;
        }
    }

    /// <summary>An HTTP-triggered function: invoked with the request under its trigger parameter's name.</summary>
    public sealed class HttpFunction
    {
        public HttpFunction(string name, MethodInfo method, string triggerParameterName, string[]? methods)
        {
            Name = name;
            Method = method;
            TriggerParameterName = triggerParameterName;
            Methods = methods is { Length: > 0 } ? methods : null;
        }

        public string Name { get; }

        public MethodInfo Method { get; }

        public string TriggerParameterName { get; }

        /// <summary>The HTTP methods the trigger accepts; null: every method.</summary>
        public string[]? Methods { get; }

        public bool Accepts(string method) => Methods == null || Methods.Any(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase));
    }

    public sealed class FunctionAppLoadException : Exception
    {
        public FunctionAppLoadException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
