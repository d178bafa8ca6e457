using System;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Host.Triggers;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger
{
    /// <summary>Creates the binding of each <see cref="WebPubSubTriggerAttribute"/> parameter at indexing time.</summary>
    internal sealed class WebPubSubTriggerBindingProvider : ITriggerBindingProvider
    {
        private const string BindingName = "WebPubSubTrigger";
        private readonly INameResolver _nameResolver;
        private readonly WebPubSubConnectionResolver _connections;
        private readonly WebPubSubRouteTable _routes;
        private readonly Exception? _webhookError;
        private readonly ILogger _logger;

        public WebPubSubTriggerBindingProvider(INameResolver nameResolver, WebPubSubConnectionResolver connections, WebPubSubRouteTable routes, Exception? webhookError, ILogger logger)
        {
            _nameResolver = nameResolver;
            _connections = connections;
            _routes = routes;
            _webhookError = webhookError;
            _logger = logger;
        }

        public Task<ITriggerBinding?> TryCreateAsync(TriggerBindingProviderContext context)
        {
            var parameter = context.Parameter;
            var attribute = parameter.GetCustomAttribute<WebPubSubTriggerAttribute>(inherit: false);
            if (attribute == null)
            {
                return Task.FromResult<ITriggerBinding?>(null);
            }
            if (_webhookError != null)
            {
                throw new NotSupportedException(
                    "WebPubSubTrigger is disabled because the Functions host could not register the webhook " +
                    $"(usually 'AzureWebJobsStorage' is missing or invalid): {_webhookError.Message}");
            }
            if (!TriggerValueConverter.CanBindTo(parameter.ParameterType))
            {
                throw new InvalidOperationException(
                    $"{BindingName} cannot bind parameter '{parameter.Name}' of type '{parameter.ParameterType.Name}'. Use a request type " +
                    "(ConnectEventRequest, UserEventRequest, ...), WebPubSubConnectionContext, BinaryData, string, byte[], Stream or JObject.");
            }

            var hub = _connections.GetHub(Resolve(attribute.Hub, "Hub"), BindingName);
            var eventName = Resolve(attribute.EventName, "EventName");
            if (string.IsNullOrEmpty(eventName))
            {
                throw new InvalidOperationException($"{BindingName} on parameter '{parameter.Name}': 'EventName' is required.");
            }
            var validator = _connections.CreateValidator(attribute.Connections, BindingName);
            if (validator.ValidatesNothing)
            {
                _logger.LogWarning(
                    "{Binding} for hub '{Hub}', event '{Event}': no Web PubSub connection is configured, so requests are NOT validated " +
                    "(origin and signature). Anyone who can reach the webhook can invoke this function. Configure '{Setting}'.",
                    BindingName, hub, eventName, WebPubSubSettingNames.DefaultConnection);
            }

            var key = new RouteKey(hub, attribute.EventType, eventName, attribute.ClientProtocols);
            return Task.FromResult<ITriggerBinding?>(new WebPubSubTriggerBinding(parameter, key, validator, _routes));
        }

        /// <summary>Trigger attributes are not auto-resolved by WebJobs; <c>%Setting%</c> is resolved here.</summary>
        private string Resolve(string value, string property)
        {
            if (value == null || value.Length < 3 || value[0] != '%' || value[value.Length - 1] != '%')
            {
                return value!;
            }
            return _nameResolver.Resolve(value.Substring(1, value.Length - 2))
                ?? throw new InvalidOperationException($"{BindingName}: cannot resolve '{value}' in '{property}'; add the app setting it names.");
        }
    }
}
