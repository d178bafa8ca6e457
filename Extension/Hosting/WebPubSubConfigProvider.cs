using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Connection;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Context;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Output;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Azure.WebJobs.Logging;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// Registers the four bindings and the script-language converters, and is the webhook the Functions host
    /// calls for <c>/runtime/webhooks/webpubsub</c>.
    /// </summary>
    [Extension(WebPubSubSettingNames.ExtensionName, WebPubSubSettingNames.ConfigSection)]
    internal sealed class WebPubSubConfigProvider : IExtensionConfigProvider, IAsyncConverter<HttpRequestMessage, HttpResponseMessage>
    {
        private readonly INameResolver _nameResolver;
        private readonly WebPubSubConnectionResolver _connections;
        private readonly IWebPubSubServiceClientFactory _clients;
        private readonly WebPubSubRouteTable _routes;
        private readonly WebPubSubTriggerDispatcher _dispatcher;
        private readonly ILogger _logger;

        public WebPubSubConfigProvider(
            INameResolver nameResolver,
            WebPubSubConnectionResolver connections,
            IWebPubSubServiceClientFactory clients,
            WebPubSubRouteTable routes,
            WebPubSubTriggerDispatcher dispatcher,
            ILoggerFactory loggerFactory)
        {
            _nameResolver = nameResolver;
            _connections = connections;
            _clients = clients;
            _routes = routes;
            _dispatcher = dispatcher;
            _logger = loggerFactory.CreateLogger(LogCategories.CreateTriggerCategory("WebPubSub"));
        }

        public void Initialize(ExtensionConfigContext context)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            var webhookError = RegisterWebhook(context);
            WarnWhenNothingIsConfigured();

            // Only describe the negotiate types to WebJobs' metadata (see below); the binding converts itself.
            context.AddConverter<WebPubSubConnection, JObject>(connection => (JObject)ScriptJson.ToJToken(connection));
            context.AddConverter<WebPubSubConnection, string>(ScriptJson.ToJsonString);
            context.AddConverter<WebPubSubContext, JObject>(ContextJson.ToJObject);
            context.AddConverter<JObject, WebPubSubAction>(ActionJson.ToAction);
            context.AddConverter<JArray, WebPubSubAction[]>(ActionJson.ToActions);

            context.AddBindingRule<WebPubSubTriggerAttribute>()
                .BindToTrigger(new WebPubSubTriggerBindingProvider(_nameResolver, _connections, _routes, webhookError, _logger));

            var negotiate = new WebPubSubConnectionBuilder(_connections, _clients);
            var connectionRule = context.AddBindingRule<WebPubSubConnectionAttribute>();
            connectionRule.Bind(new WebPubSubConnectionBindingProvider(_nameResolver, _connections, negotiate));
            // Never binds: the provider above claims every parameter or fails its indexing. It is here because the
            // Functions host asks IJobHostMetadataProvider.GetDefaultType which type script languages get (JObject),
            // and only WebJobs' own rules can answer (the interface for it is internal to WebJobs).
            connectionRule.BindToInput(negotiate);

            context.AddBindingRule<WebPubSubContextAttribute>()
                .Bind(new WebPubSubContextBindingProvider(_connections, _logger));

            var outputRule = context.AddBindingRule<WebPubSubAttribute>();
            outputRule.AddValidator((attribute, _) => _connections.Validate(attribute.Connection, attribute.Hub, "WebPubSub"));
            outputRule.BindToCollector(attribute => new WebPubSubAsyncCollector(
                _clients.GetClient(_connections.Get(attribute.Connection, "WebPubSub"), _connections.GetHub(attribute.Hub, "WebPubSub"))));

            _logger.LogInformation("Azure Web PubSub binding initialized.");
        }

        public Task<HttpResponseMessage> ConvertAsync(HttpRequestMessage input, CancellationToken cancellationToken) =>
            _dispatcher.ExecuteAsync(input, cancellationToken);

        /// <summary>
        /// Hosts without secrets (e.g. no AzureWebJobsStorage) cannot register webhooks; only the trigger is then
        /// unusable, and it says so when a trigger function is indexed.
        /// </summary>
        private Exception? RegisterWebhook(ExtensionConfigContext context)
        {
            try
            {
#pragma warning disable CS0618 // GetWebhookHandler is marked preview; it is how every webhook extension registers.
                var url = context.GetWebhookHandler();
#pragma warning restore CS0618
                if (url != null)
                {
                    // The query carries the system key; never log it.
                    _logger.LogInformation("Web PubSub webhook registered at {Url}.", url.GetLeftPart(UriPartial.Path));
                }
                return null;
            }
            catch (Exception e)
            {
                _logger.LogWarning("WebPubSubTrigger is disabled: the host could not register the webhook ({Reason}). Other Web PubSub bindings work.", e.Message);
                return e;
            }
        }

        private void WarnWhenNothingIsConfigured()
        {
            if (!_connections.IsConfigured(null))
            {
                _logger.LogWarning(
                    "No default Web PubSub connection ('{Setting}'). Trigger and context bindings without 'Connections' will NOT validate requests.",
                    WebPubSubSettingNames.DefaultConnection);
            }
        }
    }
}
