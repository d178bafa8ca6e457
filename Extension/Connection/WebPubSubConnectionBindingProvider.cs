using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Host.Bindings;
using Microsoft.Azure.WebJobs.Host.Protocols;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Connection
{
    /// <summary>
    /// Binds <see cref="WebPubSubConnectionAttribute"/> parameters. Replaces WebJobs' <c>BindToInput</c>, which
    /// re-creates the attribute and resolves every member on each invocation: here the checks, <c>%Setting%</c> and
    /// the template parsing happen once at indexing, and an invocation only binds the templates there are.
    /// </summary>
    internal sealed class WebPubSubConnectionBindingProvider : IBindingProvider
    {
        private const string BindingName = WebPubSubConnectionBuilder.BindingName;

        // The parameter types that worked through BindToInput and its two converters, and no others.
        private static readonly Dictionary<Type, Func<WebPubSubConnection, object>> Converters = new()
        {
            [typeof(WebPubSubConnection)] = connection => connection,
            // Isolated workers ask for a string ("dataType": "String"): the same JSON as text.
            [typeof(string)] = ScriptJson.ToJsonString,
            // Script languages (Node, custom handlers) get the JSON object.
            [typeof(JObject)] = connection => (JObject)ScriptJson.ToJToken(connection),
        };

        private readonly INameResolver _nameResolver;
        private readonly WebPubSubConnectionResolver _connections;
        private readonly WebPubSubConnectionBuilder _builder;

        public WebPubSubConnectionBindingProvider(INameResolver nameResolver, WebPubSubConnectionResolver connections, WebPubSubConnectionBuilder builder)
        {
            _nameResolver = nameResolver;
            _connections = connections;
            _builder = builder;
        }

        public Task<IBinding?> TryCreateAsync(BindingProviderContext context)
        {
            var parameter = context.Parameter;
            var attribute = parameter.GetCustomAttribute<WebPubSubConnectionAttribute>(inherit: false);
            if (attribute == null)
            {
                return Task.FromResult<IBinding?>(null);
            }
            if (!Converters.TryGetValue(parameter.ParameterType, out var convert))
            {
                throw new InvalidOperationException(
                    $"Can't bind {BindingName} to type '{parameter.ParameterType}' (parameter '{parameter.Name}'). " +
                    $"Use {nameof(WebPubSubConnection)}, string (its JSON text) or JObject.");
            }
            // The order WebJobs used: %Setting% first, then the connection and hub check on the name-resolved values.
            var hub = AutoResolvedValue.Create(nameof(attribute.Hub), attribute.Hub, _nameResolver);
            var userId = AutoResolvedValue.Create(nameof(attribute.UserId), attribute.UserId, _nameResolver);
            _connections.Validate(attribute.Connection, hub.NameResolved, BindingName);
            return Task.FromResult<IBinding?>(new ConnectionBinding(parameter, attribute, hub, userId, convert, _builder));
        }

        private sealed class ConnectionBinding : IBinding
        {
            private readonly ParameterInfo _parameter;
            private readonly WebPubSubConnectionAttribute _attribute;
            private readonly AutoResolvedValue _hub;
            private readonly AutoResolvedValue _userId;
            private readonly Func<WebPubSubConnection, object> _convert;
            private readonly WebPubSubConnectionBuilder _builder;
            private readonly string? _constantInvokeString;

            public ConnectionBinding(ParameterInfo parameter, WebPubSubConnectionAttribute attribute, AutoResolvedValue hub, AutoResolvedValue userId,
                Func<WebPubSubConnection, object> convert, WebPubSubConnectionBuilder builder)
            {
                _parameter = parameter;
                _attribute = attribute;
                _hub = hub;
                _userId = userId;
                _convert = convert;
                _builder = builder;
                _constantInvokeString = hub.HasTemplate || userId.HasTemplate ? null : InvokeString(hub.NameResolved, userId.NameResolved);
            }

            public bool FromAttribute => true;

            public Task<IValueProvider> BindAsync(BindingContext context) =>
                BindAsync(_hub.Resolve(context.BindingData), _userId.Resolve(context.BindingData), context.CancellationToken);

            /// <summary>A value given to the call: a connection as it is, or an invoke string (a replay) as WebJobs read it.</summary>
            public Task<IValueProvider> BindAsync(object value, ValueBindingContext context)
            {
                switch (value)
                {
                    case WebPubSubConnection connection:
                        return Task.FromResult<IValueProvider>(new ConnectionValueProvider(_parameter.ParameterType, _convert(connection), connection.ToString()));
                    case string invokeString:
                        var (hub, userId) = FromInvokeString(invokeString);
                        return BindAsync(hub, userId, context.CancellationToken);
                    default:
                        throw new InvalidOperationException($"{BindingName}: cannot bind a value of type '{value?.GetType()}' to parameter '{_parameter.Name}'.");
                }
            }

            public ParameterDescriptor ToParameterDescriptor() =>
                new() { Name = _parameter.Name, DisplayHints = new ParameterDisplayHints { Description = "input" } };

            private async Task<IValueProvider> BindAsync(string? hub, string? userId, CancellationToken cancellationToken)
            {
                var connection = await _builder.BuildAsync(_attribute, hub, userId, cancellationToken).ConfigureAwait(false);
                return new ConnectionValueProvider(_parameter.ParameterType, _convert(connection), _constantInvokeString ?? InvokeString(hub, userId));
            }

            /// <summary>
            /// WebJobs' shape, so logs and replays look as before: the one member the attribute set, or both as JSON.
            /// Hub and user only: the token never appears.
            /// </summary>
            private string InvokeString(string? hub, string? userId) => (_hub.IsSet, _userId.IsSet) switch
            {
                (true, true) => "{\"Hub\":" + Json(hub) + ",\"UserId\":" + Json(userId) + "}",
                (true, false) => hub ?? string.Empty,
                (false, true) => userId ?? string.Empty,
                _ => string.Empty,
            };

            private (string? Hub, string? UserId) FromInvokeString(string invokeString)
            {
                if (_hub.IsSet && _userId.IsSet)
                {
                    var json = JObject.Parse(invokeString);
                    return ((string?)json["Hub"], (string?)json["UserId"]);
                }
                return (_hub.IsSet ? invokeString : _hub.NameResolved, _userId.IsSet ? invokeString : _userId.NameResolved);
            }

            // Per invocation when there are templates: plain values (the usual case) are quoted without a JSON writer.
            private static string Json(string? value)
            {
                if (value == null)
                {
                    return "null";
                }
                foreach (var c in value)
                {
                    if (c < ' ' || c == '"' || c == '\\' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                    {
                        return JsonConvert.ToString(value);
                    }
                }
                return "\"" + value + "\"";
            }
        }

        private sealed class ConnectionValueProvider : IValueProvider
        {
            private readonly object _value;
            private readonly string _invokeString;

            public ConnectionValueProvider(Type type, object value, string invokeString)
            {
                Type = type;
                _value = value;
                _invokeString = invokeString;
            }

            public Type Type { get; }

            public Task<object?> GetValueAsync() => Task.FromResult<object?>(_value);

            public string ToInvokeString() => _invokeString;
        }
    }
}
