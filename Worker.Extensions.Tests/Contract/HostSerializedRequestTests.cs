using System;
using System.Linq;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Serialization;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using NUnit.Framework;
using H = Microsoft.Azure.WebPubSub.Common;
using HostJson = Microsoft.Azure.WebJobs.Extensions.WebPubSub.ScriptJson;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Contract
{
    /// <summary>
    /// The host-side models as this repository's host-side extension writes them, in both of its JSON forms (the
    /// Newtonsoft shape the Functions host hands to workers, with states as JSON values; and the System.Text.Json
    /// shape, with states as base64), bind into the worker models with every field.
    /// </summary>
    [TestFixture("newtonsoft")]
    [TestFixture("systemTextJson")]
    public class HostSerializedRequestTests
    {
        private readonly string _form;

        public HostSerializedRequestTests(string form) => _form = form;

        private T Bind<T>(H.WebPubSubEventRequest request)
            where T : WebPubSubEventRequest
        {
            var json = _form == "newtonsoft" ? HostJson.ToJsonString(request) : JsonSerializer.Serialize(request, WebPubSubJson.Options);
            var bound = WebPubSubInputConverter.Convert(json, typeof(T));
            Assert.That(bound, Is.InstanceOf<T>(), json);
            return (T)bound!;
        }

        [Test]
        public void Connect()
        {
            var request = Bind<ConnectEventRequest>(HostRequests.Connect());

            Assert.That(request.Claims!["sub"], Is.EqualTo(new[] { "u1" }));
            Assert.That(request.Query!["a"], Is.EqualTo(new[] { "1" }));
            Assert.That(request.Subprotocols, Is.EqualTo(new[] { "json.webpubsub.azure.v1" }));
            Assert.That(request.ClientCertificates!.Single().Thumbprint, Is.EqualTo("t1"));
            Assert.That(request.ClientCertificates!.Single().Content, Is.EqualTo("c1"));
            Assert.That(request.Headers!["Upgrade"], Is.EqualTo(new[] { "websocket" }));
            AssertContext(request.ConnectionContext, WebPubSubEventType.System, "connect");
        }

        [TestCase(H.WebPubSubDataType.Text, WebPubSubDataType.Text)]
        [TestCase(H.WebPubSubDataType.Json, WebPubSubDataType.Json)]
        [TestCase(H.WebPubSubDataType.Binary, WebPubSubDataType.Binary)]
        public void User(H.WebPubSubDataType hostType, WebPubSubDataType workerType)
        {
            var request = Bind<UserEventRequest>(HostRequests.User(hostType));

            Assert.That(request.Data!.ToString(), Is.EqualTo("hi"));
            Assert.That(request.DataType, Is.EqualTo(workerType));
            AssertContext(request.ConnectionContext, WebPubSubEventType.User, "message");
        }

        [Test]
        public void BinaryBytesThatAreNotUtf8ArriveByteForByte()
        {
            // The host writes such bytes as a Node.js Buffer object (text would turn FF into U+FFFD).
            byte[] bytes = { 0x01, 0x02, 0x03, 0xFF, 0x00, 0xC3 };
            var request = Bind<UserEventRequest>(new H.UserEventRequest(
                HostRequests.Context(H.WebPubSubEventType.User, "message"), BinaryData.FromBytes(bytes), H.WebPubSubDataType.Binary));

            Assert.That(request.Data!.ToArray(), Is.EqualTo(bytes));
            Assert.That(request.DataType, Is.EqualTo(WebPubSubDataType.Binary));
        }

        [Test]
        public void MqttConnect()
        {
            var request = (MqttConnectEventRequest)Bind<ConnectEventRequest>(HostRequests.MqttConnect(H.MqttProtocolVersion.V500));

            Assert.That(request.Mqtt.ProtocolVersion, Is.EqualTo(MqttProtocolVersion.V500));
            Assert.That(request.Mqtt.Username, Is.EqualTo("mq"));
            Assert.That(request.Mqtt.UserProperties!.Single().Value, Is.EqualTo("b"));
            Assert.That(request.ConnectionContext.PhysicalConnectionId, Is.EqualTo("phys-1"));
            Assert.That(request.ConnectionContext.SessionId, Is.EqualTo("s-1"));
        }

        [Test]
        public void Disconnected()
        {
            var request = Bind<DisconnectedEventRequest>(new H.DisconnectedEventRequest(HostRequests.Context(H.WebPubSubEventType.System, "disconnected"), "bye"));

            Assert.That(request.Reason, Is.EqualTo("bye"));
        }

        [Test]
        public void GroupPresence()
        {
            var request = Bind<WebPubSubEventRequest>(new H.JoinedGroupEventRequest(HostRequests.Context(H.WebPubSubEventType.GroupPresence, "joined"), "lobby"));

            Assert.That(((JoinedGroupEventRequest)request).Group, Is.EqualTo("lobby"));
            AssertContext(request.ConnectionContext, WebPubSubEventType.GroupPresence, "joined");
        }

        private static void AssertContext(WebPubSubConnectionContext context, WebPubSubEventType eventType, string eventName)
        {
            Assert.That(context.EventType, Is.EqualTo(eventType));
            Assert.That(context.EventName, Is.EqualTo(eventName));
            Assert.That(context.Hub, Is.EqualTo("cap"));
            Assert.That(context.ConnectionId, Is.EqualTo("c0354f7d"));
            Assert.That(context.UserId, Is.EqualTo("u1"));
            Assert.That(context.Signature, Is.EqualTo("sha256=abc"));
            Assert.That(context.Origin, Is.EqualTo("127.0.0.1"));
            Assert.That(context.ConnectionStates["visits"].ToString(), Is.EqualTo("{\"n\":0}"), "states, base64 or JSON value");
        }
    }
}
