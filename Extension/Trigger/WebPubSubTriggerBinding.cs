using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebJobs.Host.Bindings;
using Microsoft.Azure.WebJobs.Host.Listeners;
using Microsoft.Azure.WebJobs.Host.Protocols;
using Microsoft.Azure.WebJobs.Host.Triggers;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger
{
    /// <summary>Binds one trigger parameter: its listener joins the route table, its values come from the event.</summary>
    internal sealed class WebPubSubTriggerBinding : ITriggerBinding
    {
        private readonly ParameterInfo _parameter;
        private readonly RouteKey _key;
        private readonly RequestValidator _validator;
        private readonly WebPubSubRouteTable _routes;

        public WebPubSubTriggerBinding(ParameterInfo parameter, RouteKey key, RequestValidator validator, WebPubSubRouteTable routes)
        {
            _parameter = parameter;
            _key = key;
            _validator = validator;
            _routes = routes;
            BindingDataContract = TriggerBindingData.Contract(parameter.Name!, parameter.ParameterType);
        }

        public Type TriggerValueType => typeof(WebPubSubTriggerEvent);

        public IReadOnlyDictionary<string, Type> BindingDataContract { get; }

        public Task<ITriggerData> BindAsync(object value, ValueBindingContext context)
        {
            if (value is not WebPubSubTriggerEvent triggerEvent)
            {
                throw new InvalidOperationException(
                    $"WebPubSubTrigger functions run from Web PubSub event requests; got a value of type '{value?.GetType().Name ?? "null"}'.");
            }
            var bindingData = TriggerBindingData.Values(triggerEvent);
            var valueProvider = new TriggerValueProvider(triggerEvent, bindingData, _parameter);
            ITriggerData data = new TriggerData(valueProvider, bindingData!)
            {
                ReturnValueProvider = new ReturnValueCapture(triggerEvent),
            };
            return Task.FromResult(data);
        }

        public Task<IListener> CreateListenerAsync(ListenerFactoryContext context)
        {
            var route = new WebPubSubRoute(_key, context.Descriptor.ShortName, _validator, context.Executor, _parameter.ParameterType);
            return Task.FromResult<IListener>(new WebPubSubListener(_routes, route));
        }

        public ParameterDescriptor ToParameterDescriptor() => new TriggerParameterDescriptor
        {
            Name = _parameter.Name,
            DisplayHints = new ParameterDisplayHints { Description = $"Web PubSub {_key}" },
        };

        private sealed class TriggerValueProvider : IValueProvider
        {
            private readonly WebPubSubTriggerEvent _event;
            private readonly IReadOnlyDictionary<string, object?> _bindingData;
            private readonly ParameterInfo _parameter;

            public TriggerValueProvider(WebPubSubTriggerEvent triggerEvent, IReadOnlyDictionary<string, object?> bindingData, ParameterInfo parameter)
            {
                _event = triggerEvent;
                _bindingData = bindingData;
                _parameter = parameter;
            }

            public Type Type => _parameter.ParameterType;

            /// <summary>
            /// Never null: the dispatcher refuses requests a typed parameter cannot take, and for any other type
            /// that still has no value (a custom class, say) the binding fails, so the function does not run.
            /// </summary>
            public Task<object?> GetValueAsync() =>
                Task.FromResult<object?>(TriggerValueConverter.Convert(_event, _bindingData, _parameter.Name!, _parameter.ParameterType)
                    ?? throw new InvalidOperationException(
                        $"WebPubSubTrigger has no value of type '{_parameter.ParameterType.Name}' for parameter '{_parameter.Name}' " +
                        $"from a {_event.ConnectionContext.EventType} '{_event.ConnectionContext.EventName}' event."));

            /// <summary>
            /// WebJobs asks for this on every invocation (the started message's arguments). The connection id
            /// identifies the invocation's input; hub and event are the function's own, so no string is built.
            /// </summary>
            public string ToInvokeString() => _event.ConnectionContext.ConnectionId;
        }

        /// <summary>Receives the function's return value (the trigger handles <c>$return</c>).</summary>
        private sealed class ReturnValueCapture : IValueBinder
        {
            private readonly WebPubSubTriggerEvent _event;

            public ReturnValueCapture(WebPubSubTriggerEvent triggerEvent) => _event = triggerEvent;

            private static readonly Type ReturnType = typeof(object).MakeByRefType();

            public Type Type => ReturnType;

            public Task<object?> GetValueAsync() => Task.FromResult(_event.ReturnValue);

            public Task SetValueAsync(object? value, System.Threading.CancellationToken cancellationToken)
            {
                _event.ReturnValue = value;
                return Task.CompletedTask;
            }

            public string ToInvokeString() => string.Empty;
        }
    }
}
