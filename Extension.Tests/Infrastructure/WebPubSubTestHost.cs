using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Azure.WebJobs.Host.Indexers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure
{
    /// <summary>
    /// A real WebJobs host with the extension (<c>AddWebPubSub()</c>), limited to the given function classes,
    /// with in-memory settings and a webhook provider that captures the extension's converter the way the
    /// Functions host does, so tests drive <c>/runtime/webhooks/webpubsub</c> with real HTTP messages.
    /// </summary>
    internal sealed class WebPubSubTestHost : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly CapturingWebHookProvider _webhooks;

        private WebPubSubTestHost(IHost host, CapturingWebHookProvider webhooks, TestLoggerProvider logs)
        {
            _host = host;
            _webhooks = webhooks;
            Logs = logs;
        }

        public TestLoggerProvider Logs { get; }

        public IServiceProvider Services => _host.Services;

        public static Task<WebPubSubTestHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null, params Type[] functionTypes) =>
            StartAsync(settings, configureServices, null, functionTypes);

        public static async Task<WebPubSubTestHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices, Action<IWebJobsBuilder>? configureWebJobs, params Type[] functionTypes)
        {
            var webhooks = new CapturingWebHookProvider();
            var logs = new TestLoggerProvider();
            var host = new HostBuilder()
                .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
                .ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
                .ConfigureServices(s =>
                {
#pragma warning disable CS0618 // IWebHookProvider is how hosts receive webhook converters.
                    s.AddSingleton<IWebHookProvider>(webhooks);
#pragma warning restore CS0618
                    s.AddSingleton<ITypeLocator>(new FixedTypeLocator(functionTypes));
                    configureServices?.Invoke(s);
                })
                .ConfigureWebJobs(b =>
                {
                    b.AddWebPubSub();
                    configureWebJobs?.Invoke(b);
                })
                .Build();
            await host.StartAsync().ConfigureAwait(false);
            return new WebPubSubTestHost(host, webhooks, logs);
        }

        /// <summary>Sends a request to the webhook, as the Functions host's <c>/runtime/webhooks/webpubsub</c> route does.</summary>
        public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default) =>
            (_webhooks.Converter ?? throw new InvalidOperationException("The extension did not register a webhook."))
                .ConvertAsync(request, cancellationToken);

        public Uri? WebhookUrl => _webhooks.Url;

        public Task CallAsync(string functionName, object? arguments = null) =>
            ((JobHost)_host.Services.GetRequiredService<IJobHost>()).CallAsync(functionName, arguments);

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync().ConfigureAwait(false);
            _host.Dispose();
        }

#pragma warning disable CS0618
        private sealed class CapturingWebHookProvider : IWebHookProvider
#pragma warning restore CS0618
        {
            public IAsyncConverter<HttpRequestMessage, HttpResponseMessage>? Converter { get; private set; }

            public Uri? Url { get; private set; }

            public Uri GetUrl(IExtensionConfigProvider extension)
            {
                Converter = (IAsyncConverter<HttpRequestMessage, HttpResponseMessage>)extension;
                Url = new Uri("http://127.0.0.1/runtime/webhooks/webpubsub");
                return Url;
            }
        }

        private sealed class FixedTypeLocator : ITypeLocator
        {
            private readonly Type[] _types;

            public FixedTypeLocator(Type[] types) => _types = types;

            public IReadOnlyList<Type> GetTypes() => _types;
        }
    }
}
