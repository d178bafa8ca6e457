using System;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting
{
    /// <summary>Registers the Web PubSub extension with a WebJobs host.</summary>
    public static class WebPubSubJobsBuilderExtensions
    {
        /// <summary>
        /// Adds the Web PubSub bindings (trigger, connection, context, output) and their services. Options come
        /// from host.json <c>extensions.webpubsub</c>; connections from app settings (see the README).
        /// </summary>
        public static IWebJobsBuilder AddWebPubSub(this IWebJobsBuilder builder)
        {
            if (builder == null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            builder.AddExtension<WebPubSubConfigProvider>()
                .BindOptions<WebPubSubFunctionsOptions>();

            var services = builder.Services;
            services.AddAzureClientsCore();
            services.TryAddSingleton<WebPubSubConnectionResolver>();
            services.TryAddSingleton<IWebPubSubServiceClientFactory, WebPubSubServiceClientFactory>();
            services.TryAddSingleton<WebPubSubRouteTable>();
            services.TryAddSingleton<WebPubSubTriggerDispatcher>();
            return builder;
        }
    }
}
