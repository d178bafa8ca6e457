using System;
using System.Collections.Generic;
using H = Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Contract
{
    /// <summary>Host-side event requests, as the host-side pipeline builds them from the service's requests.</summary>
    internal static class HostRequests
    {
        public static readonly IReadOnlyDictionary<string, BinaryData> States = new Dictionary<string, BinaryData>
        {
            ["visits"] = BinaryData.FromString("{\"n\":0}"),
        };

        public static H.WebPubSubConnectionContext Context(H.WebPubSubEventType type, string name) =>
            new(type, name, "cap", "c0354f7d", "u1", "sha256=abc", "127.0.0.1", States, new Dictionary<string, string[]> { ["ce-hub"] = new[] { "cap" } });

        public static H.MqttConnectionContext MqttContext(string name) =>
            new(H.WebPubSubEventType.System, name, "cap", "c0354f7d", "phys-1", "s-1", "u1", "sha256=abc", "127.0.0.1", States, new Dictionary<string, string[]>());

        public static H.ConnectEventRequest Connect() => new(
            Context(H.WebPubSubEventType.System, "connect"),
            new Dictionary<string, string[]> { ["sub"] = new[] { "u1" } },
            new Dictionary<string, string[]> { ["a"] = new[] { "1" } },
            new[] { "json.webpubsub.azure.v1" },
            new[] { new H.WebPubSubClientCertificate("t1", "c1") },
            new Dictionary<string, string[]> { ["Upgrade"] = new[] { "websocket" } });

        public static H.UserEventRequest User(H.WebPubSubDataType dataType = H.WebPubSubDataType.Text) =>
            new(Context(H.WebPubSubEventType.User, "message"), BinaryData.FromString("hi"), dataType);

        public static H.MqttConnectEventRequest MqttConnect(H.MqttProtocolVersion version = H.MqttProtocolVersion.V311) => new(
            MqttContext("connect"), new Dictionary<string, string[]>(), new Dictionary<string, string[]>(), Array.Empty<H.WebPubSubClientCertificate>(),
            new Dictionary<string, string[]>(), new H.MqttConnectProperties(version, "mq", "cGFzcw==", new[] { new H.MqttUserProperty("a", "b") }));
    }
}
