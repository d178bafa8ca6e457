using System;
using System.Collections.Generic;
using System.Text;

namespace WebPubSubStandIn.Configuration
{
    /// <summary>
    /// The resource's connection string (<c>Endpoint=...;Port=...;AccessKey=...;Version=1.0;</c>): keys are
    /// case-insensitive, each segment splits on its first '=', the AccessKey is used as its UTF-8 bytes.
    /// </summary>
    public sealed class ServiceConnectionString
    {
        private ServiceConnectionString(Uri endpoint, string accessKey)
        {
            Endpoint = endpoint;
            AccessKey = accessKey;
            KeyBytes = Encoding.UTF8.GetBytes(accessKey);
        }

        /// <summary>Scheme, host, port (when set) and path base; no trailing slash in <see cref="BaseUrl"/>.</summary>
        public Uri Endpoint { get; }

        public string AccessKey { get; }

        public byte[] KeyBytes { get; }

        /// <summary>The audience base of tokens, e.g. <c>http://localhost:8080</c>.</summary>
        public string BaseUrl => Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');

        /// <summary>The value of <c>WebHook-Request-Origin</c> on upstream calls (the endpoint host).</summary>
        public string OriginHost => Endpoint.Host;

        public static ServiceConnectionString Parse(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException("StandIn:ConnectionString is required, e.g. 'Endpoint=http://localhost;Port=8080;AccessKey=<key>;Version=1.0;'.");
            }

            var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var segment in value.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = segment.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }
                pairs[segment.Substring(0, equals).Trim()] = segment.Substring(equals + 1).Trim();
            }

            if (!pairs.TryGetValue("Endpoint", out var endpointText) || !Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint)
                || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException("StandIn:ConnectionString needs an absolute http(s) 'Endpoint'.");
            }
            if (!pairs.TryGetValue("AccessKey", out var key) || key.Length == 0)
            {
                throw new InvalidOperationException("StandIn:ConnectionString needs an 'AccessKey'.");
            }

            var builder = new UriBuilder(endpoint);
            if (pairs.TryGetValue("Port", out var portText))
            {
                if (!int.TryParse(portText, out int port) || port < 1 || port > 65535)
                {
                    throw new InvalidOperationException($"StandIn:ConnectionString has an invalid Port '{portText}'.");
                }
                builder.Port = port;
            }
            builder.Path = builder.Path.TrimEnd('/');
            return new ServiceConnectionString(builder.Uri, key);
        }
    }
}
