using System;
using System.Collections.Generic;
using System.Globalization;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// Parses <c>Endpoint=...;AccessKey=...;Port=...;Version=1.0</c> (keys case-insensitive, split on the first
    /// <c>=</c>, unknown keys ignored as upstream does).
    /// </summary>
    /// <remarks>
    /// A malformed string may carry the key anywhere (a missing <c>;</c> glues it to the previous value, a missing
    /// <c>=</c> turns it into a property name), so no message ever contains text taken from the string: problems
    /// are described with the canonical property names and segment positions only.
    /// </remarks>
    internal static class ConnectionStringParser
    {
        private const string EndpointKey = "Endpoint";
        private const string AccessKeyKey = "AccessKey";
        private const string PortKey = "Port";
        private const string VersionKey = "Version";
        private static readonly string[] KnownKeys = { EndpointKey, AccessKeyKey, PortKey, VersionKey };

        // Long enough that a key glued to them is recognisable; "Port" would also match unrelated names such as "Portal".
        private static readonly string[] LongKnownKeys = { AccessKeyKey, EndpointKey };

        public static WebPubSubServiceAccess Parse(string connectionString)
        {
            if (string.IsNullOrEmpty(connectionString))
            {
                throw new ArgumentNullException(nameof(connectionString));
            }

            Dictionary<string, string> properties = Split(connectionString);

            if (!properties.TryGetValue(EndpointKey, out string? endpointText) || endpointText.Length == 0)
            {
                throw Malformed($"the required property '{EndpointKey}' is missing or empty");
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
            var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            string[] segments = connectionString.Split(';');
            for (int i = 0; i < segments.Length; i++)
            {
                int position = i + 1;
                string segment = segments[i].Trim();
                int equals = segment.IndexOf('=');
                string key = equals < 0 ? segment : segment.Substring(0, equals).TrimEnd();
                string? canonical = Canonical(key);
                if (canonical == null)
                {
                    RejectMangledKnownKey(key, position);
                    continue; // upstream ignores unknown keys and segments without '='
                }

                if (equals < 0)
                {
                    throw Malformed($"'{canonical}' (segment {position}) has no '='");
                }

                if (positions.TryGetValue(key, out int first))
                {
                    throw Malformed($"'{canonical}' is set twice (segments {first} and {position})");
                }

                string value = segment.Substring(equals + 1).Trim();
                RejectGluedKnownKey(canonical, value);

                positions.Add(key, position);
                properties.Add(canonical, value);
            }

            return properties;
        }

        private static string? Canonical(string key)
        {
            foreach (string known in KnownKeys)
            {
                if (string.Equals(known, key, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }

            return null;
        }

        /// <summary>
        /// <c>AccessKeyabc==</c> (a missing '=') would otherwise be an unknown key and silently yield a key-less
        /// connection. Only the long names are checked, so that an unrelated key such as <c>Portal</c> still passes.
        /// </summary>
        private static void RejectMangledKnownKey(string key, int position)
        {
            foreach (string known in LongKnownKeys)
            {
                if (key.StartsWith(known, StringComparison.OrdinalIgnoreCase))
                {
                    throw Malformed($"segment {position} starts with '{known}' but is not '{known}=<value>'");
                }
            }
        }

        /// <summary>
        /// <c>Port=80AccessKey=...</c> or <c>Endpoint=https://hAccessKey=...</c>: a missing ';' glues the next
        /// property (often the key) into this value. A key is opaque base64 text whose only '=' is trailing padding,
        /// so in its value only the long names are looked for: a real key ending in "Port=" must stay valid.
        /// </summary>
        private static void RejectGluedKnownKey(string canonical, string value)
        {
            foreach (string known in KnownKeys)
            {
                bool tooShortToRuleOut = canonical == AccessKeyKey && known == PortKey;
                if (!tooShortToRuleOut && value.IndexOf(known + "=", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw Malformed($"the value of '{canonical}' contains '{known}=': a ';' is probably missing before '{known}'");
                }
            }
        }

        private static int ParsePort(string text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and <= 65535)
            {
                return port;
            }

            throw Malformed($"'{PortKey}' must be a whole number from 1 to 65535");
        }

        private static ArgumentException Malformed(string problem) => new(
            $"The Web PubSub connection string is malformed: {problem}. " +
            "Expected 'Endpoint=https://<name>.webpubsub.azure.com;AccessKey=<key>;Version=1.0;' (Port optional).");
    }
}
