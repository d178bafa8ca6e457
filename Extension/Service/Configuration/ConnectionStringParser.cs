using System;
using System.Collections.Generic;
using System.Globalization;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// Parses <c>Endpoint=...;AccessKey=...;Port=...;Version=1.0</c>. Messages never echo values other than the
    /// port, because a malformed string may carry the key in an unexpected place.
    /// </summary>
    internal static class ConnectionStringParser
    {
        private const string EndpointKey = "Endpoint";
        private const string AccessKeyKey = "AccessKey";
        private const string PortKey = "Port";

        public static WebPubSubServiceAccess Parse(string connectionString)
        {
            if (string.IsNullOrEmpty(connectionString))
            {
                throw new ArgumentNullException(nameof(connectionString));
            }

            Dictionary<string, string> properties = Split(connectionString);

            if (!properties.TryGetValue(EndpointKey, out string? endpointText) || endpointText.Length == 0)
            {
                throw new ArgumentException($"Required property not found in connection string: {EndpointKey}.", nameof(connectionString));
            }

            Uri endpoint = ParseEndpoint(endpointText.TrimEnd('/'));
            if (properties.TryGetValue(PortKey, out string? portText))
            {
                endpoint = new UriBuilder(endpoint) { Port = ParsePort(portText) }.Uri;
            }

            WebPubSubCredential credential = properties.TryGetValue(AccessKeyKey, out string? key) && key.Length > 0
                ? new AccessKeyCredential(new AccessKey(key))
                : new NoKeyCredential();
            return new WebPubSubServiceAccess(endpoint, credential);
        }

        /// <summary>An absolute http(s) URI; shared with the <c>serviceUri</c> setting of identity connections.</summary>
        internal static Uri ParseEndpoint(string text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException("The Web PubSub endpoint must be an absolute http or https URI.");
            }

            return uri;
        }

        private static Dictionary<string, string> Split(string connectionString)
        {
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string segment in connectionString.Split(';'))
            {
                int equals = segment.IndexOf('=');
                if (equals < 0)
                {
                    continue; // upstream ignores segments without '='
                }

                string key = segment.Substring(0, equals).Trim();
                string value = segment.Substring(equals + 1).Trim();
                if (properties.ContainsKey(key))
                {
                    throw new ArgumentException($"Duplicate properties found in connection string: {key}.", nameof(connectionString));
                }

                properties.Add(key, value);
            }

            return properties;
        }

        private static int ParsePort(string text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and <= 65535)
            {
                return port;
            }

            throw new ArgumentException($"Invalid Port value: {text}");
        }
    }
}
