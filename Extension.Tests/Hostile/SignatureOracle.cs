using System;
using System.Linq;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json.Linq;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// Decides, independently of the extension, whether what a function received came from an authentic
    /// request: its origin names the configured service host and one of its signatures is the HMAC of its own
    /// connection id with the configured key.
    /// </summary>
    internal static class SignatureOracle
    {
        public static bool IsAuthentic(object value)
        {
            var (connectionId, signature, origin) = Identity(value);
            if (connectionId == null || signature == null || origin == null)
            {
                return false;
            }
            var expected = Sign(connectionId, AccessKey);
            return Split(origin).Contains(ServiceHost, StringComparer.OrdinalIgnoreCase)
                && Split(signature).Contains(expected, StringComparer.OrdinalIgnoreCase);
        }

        private static (string? ConnectionId, string? Signature, string? Origin) Identity(object value) => value switch
        {
            WebPubSubEventRequest request => Identity(request.ConnectionContext),
            WebPubSubConnectionContext context => (context.ConnectionId, context.Signature, context.Origin),
            // A request as JSON, or (system events without a request type) the connection context itself.
            JObject json when Get(json, "connectionContext") is JObject context => Identity(context),
            JObject context => (Get(context, "connectionId")?.ToString(), Get(context, "signature")?.ToString(), Get(context, "origin")?.ToString()),
            // Script parameters typed string or byte[] get the same JSON as text.
            string text => Identity(JObject.Parse(text)),
            byte[] utf8 => Identity(JObject.Parse(System.Text.Encoding.UTF8.GetString(utf8))),
            _ => (null, null, null),
        };

        private static JToken? Get(JObject json, string name) => json.GetValue(name, StringComparison.OrdinalIgnoreCase);

        private static string[] Split(string value) => value.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
    }
}
