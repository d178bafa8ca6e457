using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// The one place that turns connection names and hubs into service accesses, for every binding.
    /// Precedence (also in the README):
    /// <list type="number">
    /// <item>No connection name, or the default name <c>WebPubSubConnectionString</c>: the host.json/code option
    /// <see cref="WebPubSubFunctionsOptions.ConnectionString"/> when set, else the configuration section
    /// <c>WebPubSubConnectionString</c> (a connection string value, or <c>serviceUri</c> + credential keys).</item>
    /// <item>Any other name: the configuration section of that name, which must exist.</item>
    /// </list>
    /// Hub: the attribute's hub, else <see cref="WebPubSubFunctionsOptions.Hub"/>, else the <c>WebPubSubHub</c> setting.
    /// Accesses are built once per name and reused, so identity credentials keep their token caches.
    /// </summary>
    internal sealed class WebPubSubConnectionResolver
    {
        private readonly IConfiguration _configuration;
        private readonly AzureComponentFactory _componentFactory;
        private readonly WebPubSubFunctionsOptions _options;
        private readonly ConcurrentDictionary<string, Lazy<WebPubSubServiceAccess?>> _accesses = new(StringComparer.OrdinalIgnoreCase);

        public WebPubSubConnectionResolver(IConfiguration configuration, AzureComponentFactory componentFactory, IOptions<WebPubSubFunctionsOptions> options)
        {
            _configuration = configuration;
            _componentFactory = componentFactory;
            _options = options.Value;
        }

        /// <summary>The default hub from options or the <c>WebPubSubHub</c> setting; null when neither is set.</summary>
        public string? DefaultHub => NullIfEmpty(_options.Hub) ?? NullIfEmpty(_configuration[WebPubSubSettingNames.DefaultHub]);

        /// <summary>Whether the named (or default) connection is configured, without building credentials.</summary>
        public bool IsConfigured(string? connectionName) => IsDefault(connectionName)
            ? !string.IsNullOrEmpty(_options.ConnectionString) || WebPubSubServiceAccessConfiguration.CanCreate(_configuration.GetSection(WebPubSubSettingNames.DefaultConnection))
            : WebPubSubServiceAccessConfiguration.CanCreate(_configuration.GetSection(connectionName!));

        /// <summary>The access of a connection, or null when it is not configured.</summary>
        public WebPubSubServiceAccess? Find(string? connectionName)
        {
            var name = IsDefault(connectionName) ? WebPubSubSettingNames.DefaultConnection : connectionName!;
            return _accesses.GetOrAdd(name, n => new Lazy<WebPubSubServiceAccess?>(() => Build(n))).Value;
        }

        /// <summary>The access of a connection; a clear error when it is not configured.</summary>
        public WebPubSubServiceAccess Get(string? connectionName, string bindingName) =>
            Find(connectionName) ?? throw new InvalidOperationException(MissingConnectionMessage(connectionName, bindingName));

        /// <summary>The hub a binding uses; a clear error when none is configured anywhere.</summary>
        public string GetHub(string? attributeHub, string bindingName) =>
            NullIfEmpty(attributeHub) ?? DefaultHub ?? throw new InvalidOperationException(
                $"{bindingName}: no hub. Set the attribute's 'Hub', the host.json setting 'extensions.webpubsub.hub' " +
                $"or the app setting '{WebPubSubSettingNames.DefaultHub}'.");

        /// <summary>The index-time check of negotiate and output bindings: a configured connection and a known hub.</summary>
        public void Validate(string? connectionName, string? attributeHub, string bindingName)
        {
            if (!IsConfigured(connectionName))
            {
                throw new InvalidOperationException(MissingConnectionMessage(connectionName, bindingName));
            }
            GetHub(attributeHub, bindingName);
        }

        /// <summary>
        /// The validator for trigger or context requests: the listed connections, or the default one. No
        /// connection at all yields a validator that accepts everything (the caller warns).
        /// </summary>
        public RequestValidator CreateValidator(IEnumerable<string>? connectionNames, string bindingName)
        {
            var names = connectionNames?.Where(n => !string.IsNullOrEmpty(n)).ToArray() ?? Array.Empty<string>();
            if (names.Length == 0)
            {
                var defaultAccess = Find(null);
                return defaultAccess == null ? RequestValidator.AcceptAll : new RequestValidator(new[] { defaultAccess });
            }
            return new RequestValidator(names.Select(n => Get(n, bindingName)));
        }

        public static string MissingConnectionMessage(string? connectionName, string bindingName) =>
            $"{bindingName}: the Web PubSub connection '{connectionName ?? WebPubSubSettingNames.DefaultConnection}' is not configured. Either:" + Environment.NewLine +
            $"  * set the binding's connection to the name of a configuration section that holds a connection string or a 'serviceUri', or" + Environment.NewLine +
            $"  * set the app setting '{WebPubSubSettingNames.DefaultConnection}' (connection string) or '{WebPubSubSettingNames.DefaultConnection}__serviceUri' (identity).";

        private WebPubSubServiceAccess? Build(string name)
        {
            try
            {
                if (name == WebPubSubSettingNames.DefaultConnection && !string.IsNullOrEmpty(_options.ConnectionString))
                {
                    return ConnectionStringParser.Parse(_options.ConnectionString!);
                }
                var section = _configuration.GetSection(name);
                return WebPubSubServiceAccessConfiguration.TryCreate(section, _componentFactory, out var access, TokenTimeout()) ? access : null;
            }
            catch (ArgumentException ex)
            {
                // The parser's messages never quote the setting's text, so naming the connection is all we add.
                throw new InvalidOperationException($"The Web PubSub connection '{name}' cannot be used: {ex.Message}", ex);
            }
        }

        private TimeSpan? TokenTimeout()
        {
            TimeSpan? timeout = _options.TokenTimeout;
            if (timeout is TimeSpan value && value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new InvalidOperationException(
                    $"The host.json setting 'extensions.webpubsub.tokenTimeout' ({value}) must be positive, or -00:00:00.001 for no limit.");
            }
            return timeout;
        }

        private static bool IsDefault(string? connectionName) =>
            string.IsNullOrEmpty(connectionName) || string.Equals(connectionName, WebPubSubSettingNames.DefaultConnection, StringComparison.OrdinalIgnoreCase);

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
