using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common
{
    /// <summary>Serialises with the package's own options, as the request pipeline does.</summary>
    internal static class JsonTestHelper
    {
        public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, WebPubSubJson.GetTypeInfo<T>());

        public static T Deserialize<T>(string json) => JsonSerializer.Deserialize(json, WebPubSubJson.GetTypeInfo<T>())!;

        public static JsonElement Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }

        public static T RoundTrip<T>(T value) => Deserialize<T>(Serialize(value));

        public static WebPubSubConnectionContext MakeContext(IReadOnlyDictionary<string, BinaryData>? states = null) =>
            new WebPubSubConnectionContext(
                WebPubSubEventType.System, "connect", "hub1", "conn1", "user1", "sha256=abc", "example.com", states,
                new Dictionary<string, string[]> { ["h1"] = new[] { "v1", "v2" } });

        public static MqttConnectionContext MqttContext() =>
            new MqttConnectionContext(
                WebPubSubEventType.System, "connect", "hub1", "conn1", "physical1", "session1", "user1",
                connectionStates: new Dictionary<string, BinaryData> { ["k"] = BinaryData.FromString("\"v\"") });

        public static void AssertSameContext(WebPubSubConnectionContext actual, WebPubSubConnectionContext expected)
        {
            Assert.Multiple(() =>
            {
                Assert.That(actual.GetType(), Is.EqualTo(expected.GetType()));
                Assert.That(actual.EventType, Is.EqualTo(expected.EventType));
                Assert.That(actual.EventName, Is.EqualTo(expected.EventName));
                Assert.That(actual.Hub, Is.EqualTo(expected.Hub));
                Assert.That(actual.ConnectionId, Is.EqualTo(expected.ConnectionId));
                Assert.That(actual.UserId, Is.EqualTo(expected.UserId));
                Assert.That(actual.Signature, Is.EqualTo(expected.Signature));
                Assert.That(actual.Origin, Is.EqualTo(expected.Origin));
                Assert.That(actual.Headers, Is.EqualTo(expected.Headers));
                Assert.That(actual.ConnectionStates.Keys, Is.EqualTo(expected.ConnectionStates.Keys));
                foreach (var pair in expected.ConnectionStates)
                {
                    Assert.That(actual.ConnectionStates[pair.Key].ToArray(), Is.EqualTo(pair.Value.ToArray()));
                }
                if (expected is MqttConnectionContext mqtt)
                {
                    var actualMqtt = (MqttConnectionContext)actual;
                    Assert.That(actualMqtt.PhysicalConnectionId, Is.EqualTo(mqtt.PhysicalConnectionId));
                    Assert.That(actualMqtt.SessionId, Is.EqualTo(mqtt.SessionId));
                }
            });
        }
    }
}
