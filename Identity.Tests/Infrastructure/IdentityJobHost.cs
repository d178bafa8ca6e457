using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Azure.WebJobs.Host.Indexers;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure
{
    /// <summary>
    /// A real WebJobs host with the extension and HTTP bindings. Configuration comes from environment variables
    /// (the <c>__</c> form, as App Service sets app settings) and from in-memory settings (the <c>:</c> form, as in
    /// local.settings.json), like the Functions host. Function classes are created from DI so that they can record
    /// what they saw in <see cref="Recorder"/>.
    /// </summary>
    internal sealed class IdentityJobHost : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly WebhookCapture _webhooks;

        private IdentityJobHost(IHost host, WebhookCapture webhooks, TestLoggerProvider logs)
        {
            _host = host;
            _webhooks = webhooks;
            Logs = logs;
        }

        public TestLoggerProvider Logs { get; }

        public Recorder Recorder => _host.Services.GetRequiredService<Recorder>();

        public static async Task<IdentityJobHost> StartAsync(IDictionary<string, string?> settings, params Type[] functionTypes)
        {
            var webhooks = new WebhookCapture();
            var logs = new TestLoggerProvider();
            var host = new HostBuilder()
                .ConfigureAppConfiguration(c => c.AddEnvironmentVariables().AddInMemoryCollection(settings))
                .ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
                .ConfigureServices(s =>
                {
#pragma warning disable CS0618 // IWebHookProvider is how hosts receive webhook converters.
                    s.AddSingleton<IWebHookProvider>(webhooks);
#pragma warning restore CS0618
                    s.AddSingleton<ITypeLocator>(new FixedTypeLocator(functionTypes));
                    s.AddSingleton<Recorder>();
                    s.AddSingleton<IJobActivator, ServiceActivator>();
                })
                .ConfigureWebJobs(b => b.AddWebPubSub().AddHttp())
                .Build();
            await host.StartAsync().ConfigureAwait(false);
            return new IdentityJobHost(host, webhooks, logs);
        }

        public Task CallAsync(string functionName, object? arguments = null) =>
            ((JobHost)_host.Services.GetRequiredService<IJobHost>()).CallAsync(functionName, arguments);

        /// <summary>A request to <c>/runtime/webhooks/webpubsub</c>, as the Functions host forwards it.</summary>
        public Task<HttpResponseMessage> SendWebhookAsync(HttpRequestMessage request, CancellationToken cancellationToken = default) =>
            (_webhooks.Converter ?? throw new InvalidOperationException("The extension did not register a webhook."))
                .ConvertAsync(request, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync().ConfigureAwait(false);
            _host.Dispose();
        }

#pragma warning disable CS0618
        private sealed class WebhookCapture : IWebHookProvider
#pragma warning restore CS0618
        {
            public IAsyncConverter<HttpRequestMessage, HttpResponseMessage>? Converter { get; private set; }

            public Uri GetUrl(IExtensionConfigProvider extension)
            {
                Converter = (IAsyncConverter<HttpRequestMessage, HttpResponseMessage>)extension;
                return new Uri("http://127.0.0.1/runtime/webhooks/webpubsub");
            }
        }

        private sealed class FixedTypeLocator : ITypeLocator
        {
            private readonly Type[] _types;

            public FixedTypeLocator(Type[] types) => _types = types;

            public IReadOnlyList<Type> GetTypes() => _types;
        }

        private sealed class ServiceActivator : IJobActivator
        {
            private readonly IServiceProvider _services;

            public ServiceActivator(IServiceProvider services) => _services = services;

            public T CreateInstance<T>() => ActivatorUtilities.CreateInstance<T>(_services);
        }
    }
}
