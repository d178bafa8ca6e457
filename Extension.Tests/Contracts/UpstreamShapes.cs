using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Contracts
{
    /// <summary>
    /// Upstream's keys per event kind, from the captures (functions-host-contracts.md §3) and upstream's
    /// binding data (upstream-behavior.md §4.8): what every out-of-process worker relies on.
    /// </summary>
    internal static class UpstreamShapes
    {
        public static readonly string[] ContextKeys =
            { "eventType", "eventName", "hub", "connectionId", "userId", "signature", "origin", "states", "headers" };

        public static readonly string[] MqttContextKeys = new[] { "physicalConnectionId", "sessionId" }.Concat(ContextKeys).ToArray();

        /// <summary>Top-level keys of the trigger input JSON (the request object).</summary>
        public static readonly IReadOnlyDictionary<string, string[]> TriggerKeys = new Dictionary<string, string[]>
        {
            ["connect"] = new[] { "claims", "query", "subprotocols", "clientCertificates", "headers", "connectionContext" },
            ["connected"] = new[] { "connectionContext" },
            ["message"] = new[] { "data", "dataType", "connectionContext" },
            ["disconnected"] = new[] { "reason", "connectionContext" },
            ["joined"] = new[] { "group", "connectionContext" },
            ["mqtt.connect"] = new[] { "mqtt", "claims", "query", "subprotocols", "clientCertificates", "headers", "connectionContext" },
            ["mqtt.disconnected"] = new[] { "mqtt", "reason", "connectionContext" },
        };

        // Our additions at the top level of the binding data, for {connectionId}-style binding expressions.
        public static readonly string[] OurAdditions = { "connectionId", "userId", "hub", "eventName" };

        /// <summary>
        /// Binding data keys a custom handler's Metadata carries besides ours and the host's <c>sys</c>: upstream's
        /// non-null trigger values (PascalCase), plus the trigger JSON's top-level objects that upstream has no key
        /// for (the host adds them as they are spelt in the JSON, e.g. <c>headers</c>, <c>mqtt</c>).
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string[]> MetadataKeys = new Dictionary<string, string[]>
        {
            ["connect"] = new[] { "Request", "ConnectionContext", "DataType", "Claims", "Query", "Subprotocols", "ClientCertificates", "headers" },
            ["connected"] = new[] { "Request", "ConnectionContext", "DataType" },
            ["message"] = new[] { "Request", "ConnectionContext", "Data", "DataType" },
            ["disconnected"] = new[] { "Request", "ConnectionContext", "DataType", "Reason" },
            ["joined"] = new[] { "Request", "ConnectionContext", "DataType", "group" },
            ["mqtt.connect"] = new[] { "Request", "ConnectionContext", "DataType", "Claims", "Query", "Subprotocols", "ClientCertificates", "headers", "mqtt" },
            ["mqtt.disconnected"] = new[] { "Request", "ConnectionContext", "DataType", "Reason", "mqtt" },
        };

        /// <summary>JSON equality regardless of property order (JToken.DeepEquals), with both documents in the message.</summary>
        public static void AssertJson(JToken? actual, string expectedJson)
        {
            var expected = JToken.Parse(expectedJson);
            NUnit.Framework.Assert.That(JToken.DeepEquals(actual, expected), NUnit.Framework.Is.True,
                $"expected {expected.ToString(Newtonsoft.Json.Formatting.None)}, got {actual?.ToString(Newtonsoft.Json.Formatting.None) ?? "nothing"}");
        }

        /// <summary>A JSON scalar of the given value and type (a JSON string is no number, and the other way round).</summary>
        public static void AssertValue(JToken? actual, object expected) => AssertJson(actual, new JValue(expected).ToString(Newtonsoft.Json.Formatting.None));

        public static string[] Keys(JToken token) => ((JObject)token).Properties().Select(p => p.Name).ToArray();
    }
}
