using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Azure.WebJobs.Host.Indexers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks.Host
{
    /// <summary>
    /// A real WebJobs host with the extension, logging at Information like the Functions host, and the webhook
    /// converter captured the way the Functions host captures it: the same path a webhook request takes there.
    /// </summary>
    internal sealed class BenchmarkHost : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly CapturingWebHookProvider _webhooks;
        private readonly JobHost _jobHost;

        private BenchmarkHost(IHost host, CapturingWebHookProvider webhooks)
        {
            _host = host;
            _webhooks = webhooks;
            _jobHost = (JobHost)host.Services.GetRequiredService<IJobHost>();
        }

        public static async Task<BenchmarkHost> StartAsync(IDictionary<string, string?> settings, params Type[] functionTypes)
        {
            var webhooks = new CapturingWebHookProvider();
            var host = new HostBuilder()
                .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
                .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Information))
                .ConfigureServices(s =>
                {
#pragma warning disable CS0618 // IWebHookProvider is how hosts receive webhook converters.
                    s.AddSingleton<IWebHookProvider>(webhooks);
#pragma warning restore CS0618
                    s.AddSingleton<ITypeLocator>(new FixedTypeLocator(functionTypes));
                })
                .ConfigureWebJobs(b => b.AddWebPubSub())
                .Build();
            await host.StartAsync().ConfigureAwait(false);
            return new BenchmarkHost(host, webhooks);
        }

        public IServiceProvider Services => _host.Services;

        public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) =>
            _webhooks.Converter!.ConvertAsync(request, CancellationToken.None);

        public Task CallAsync(string functionName, object? arguments = null) => _jobHost.CallAsync(functionName, arguments);

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
    }
}
