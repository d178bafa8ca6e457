using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Reflection;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Host.Config;

namespace FunctionsHost
{
    /// <summary>
    /// What the Functions host does for <c>ExtensionConfigContext.GetWebhookHandler()</c>: keeps the extension (its
    /// <c>IAsyncConverter&lt;HttpRequestMessage, HttpResponseMessage&gt;</c>) under the lower-cased configuration
    /// section name of its <c>[Extension]</c> attribute (<c>webpubsub</c>) and answers
    /// <c>http://&lt;listen host&gt;/runtime/webhooks/&lt;name&gt;</c>. No system key is minted: the local host
    /// checks <c>Host:SystemKey</c> when set, like Core Tools which needs none.
    /// </summary>
#pragma warning disable CS0618 // IWebHookProvider is marked preview; it is how hosts receive webhook converters.
    public sealed class WebHookRegistry : IWebHookProvider
#pragma warning restore CS0618
    {
        private readonly ConcurrentDictionary<string, IAsyncConverter<HttpRequestMessage, HttpResponseMessage>> _converters =
            new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The host's own address (scheme, host, port); set once Kestrel listens.</summary>
        public Uri BaseUri { get; set; } = new("http://127.0.0.1:7071/");

        public IReadOnlyCollection<string> Names => (IReadOnlyCollection<string>)_converters.Keys;

        public Uri GetUrl(IExtensionConfigProvider extension)
        {
            if (extension == null)
            {
                throw new ArgumentNullException(nameof(extension));
            }
            if (extension is not IAsyncConverter<HttpRequestMessage, HttpResponseMessage> converter)
            {
                throw new InvalidOperationException(
                    $"Extension '{extension.GetType().FullName}' asked for a webhook but does not implement IAsyncConverter<HttpRequestMessage, HttpResponseMessage>.");
            }
            var name = NameOf(extension.GetType());
            Register(name, converter);
            return new Uri(BaseUri, "runtime/webhooks/" + name);
        }

        /// <summary>Adds (or replaces) the converter for <c>/runtime/webhooks/{name}</c>.</summary>
        public void Register(string name, IAsyncConverter<HttpRequestMessage, HttpResponseMessage> converter) =>
            _converters[name.ToLowerInvariant()] = converter ?? throw new ArgumentNullException(nameof(converter));

        public bool TryGet(string name, out IAsyncConverter<HttpRequestMessage, HttpResponseMessage> converter) =>
            _converters.TryGetValue(name, out converter!);

        /// <summary>The <c>[Extension]</c> configuration section, else its name, else the type name; lower-cased.</summary>
        public static string NameOf(Type extensionType)
        {
            var attribute = extensionType.GetCustomAttribute<ExtensionAttribute>();
            var name = !string.IsNullOrEmpty(attribute?.ConfigurationSection) ? attribute!.ConfigurationSection
                : !string.IsNullOrEmpty(attribute?.Name) ? attribute!.Name
                : extensionType.Name;
            return name.ToLowerInvariant();
        }
    }
}
