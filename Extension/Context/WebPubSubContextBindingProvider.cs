using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebJobs.Host.Bindings;
using Microsoft.Azure.WebJobs.Host.Protocols;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Context
{
    /// <summary>Binds <see cref="WebPubSubContextAttribute"/> parameters of HTTP-triggered functions.</summary>
    internal sealed class WebPubSubContextBindingProvider : IBindingProvider
    {
        private const string BindingName = "WebPubSubContext";
        private readonly WebPubSubConnectionResolver _connections;
        private readonly ILogger _logger;

        public WebPubSubContextBindingProvider(WebPubSubConnectionResolver connections, ILogger logger)
        {
            _connections = connections;
            _logger = logger;
        }

        public Task<IBinding?> TryCreateAsync(BindingProviderContext context)
        {
            var parameter = context.Parameter;
            var attribute = parameter.GetCustomAttribute<WebPubSubContextAttribute>(inherit: false);
            if (attribute == null)
            {
                return Task.FromResult<IBinding?>(null);
            }
            var validator = _connections.CreateValidator(attribute.Connections, BindingName);
            if (validator.ValidatesNothing)
            {
                _logger.LogWarning("{Binding} on '{Parameter}': no Web PubSub connection is configured, so requests are NOT validated.", BindingName, parameter.Name);
            }
            return Task.FromResult<IBinding?>(new ContextBinding(parameter, validator));
        }

        private sealed class ContextBinding : IBinding
        {
            private readonly ParameterInfo _parameter;
            private readonly RequestValidator _validator;

            public ContextBinding(ParameterInfo parameter, RequestValidator validator)
            {
                _parameter = parameter;
                _validator = validator;
            }

            public bool FromAttribute => true;

            public Task<IValueProvider> BindAsync(object value, ValueBindingContext context) =>
                Task.FromResult<IValueProvider>(new ContextValueProvider((WebPubSubContext)value, _parameter.ParameterType));

            public async Task<IValueProvider> BindAsync(BindingContext context)
            {
                var webPubSubContext = context.BindingData.TryGetValue("$request", out var value) && value is HttpRequest request
                    ? await WebPubSubContextReader.ReadAsync(new AspNetCoreRequestAdapter(request), _validator, context.CancellationToken).ConfigureAwait(false)
                    : new WebPubSubContext("WebPubSubContext needs an HTTP trigger: the function has no HTTP request.",
                        ResponseFactory.Text(System.Net.HttpStatusCode.BadRequest, "HttpContext is null."));
                return new ContextValueProvider(webPubSubContext, _parameter.ParameterType);
            }

            public ParameterDescriptor ToParameterDescriptor() => new() { Name = _parameter.Name };
        }

        private sealed class ContextValueProvider : IValueProvider
        {
            private readonly WebPubSubContext _context;

            public ContextValueProvider(WebPubSubContext context, Type type)
            {
                _context = context;
                Type = type;
            }

            public Type Type { get; }

            public Task<object?> GetValueAsync()
            {
                object? value = Type == typeof(JObject) ? ContextJson.ToJObject(_context)
                    : Type == typeof(string) ? ContextJson.ToJObject(_context).ToString(Newtonsoft.Json.Formatting.None)
                    : _context;
                return Task.FromResult<object?>(value);
            }

            public string ToInvokeString() => _context.Request?.ConnectionContext?.ConnectionId ?? string.Empty;
        }
    }
}
