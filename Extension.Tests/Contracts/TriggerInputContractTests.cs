using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Contracts
{
    /// <summary>
    /// (a) The trigger input the isolated worker (and Node's <c>context.bindings</c>) receives: upstream's request
    /// JSON, key for key (functions-host-contracts.md §3.1).
    /// </summary>
    public class TriggerInputContractTests : OutOfProcContractTests
    {
        /// <summary>
        /// The premise of these tests: the Functions host types a script trigger without <c>dataType</c> by asking
        /// WebJobs for the default type (requested type <c>object</c>), and for our trigger that is <c>string</c>.
        /// </summary>
        [Test]
        public void TheHostBindsTheTriggerToString()
        {
            var attribute = new WebPubSubTriggerAttribute(PayloadCaptureFunctions.Hub, WebPubSubEventType.System, "connect");
            Assert.That(Fixture.ScriptDefaultType(attribute, typeof(object)), Is.EqualTo(typeof(string)));
        }

        [TestCaseSource(nameof(EventKinds))]
        public void TopLevelKeysAreUpstreams(string kind) =>
            Assert.That(UpstreamShapes.Keys(TriggerInput(kind)), Is.EquivalentTo(UpstreamShapes.TriggerKeys[kind]));

        [TestCaseSource(nameof(EventKinds))]
        public void ConnectionContextKeysAreUpstreams(string kind)
        {
            var expected = kind.StartsWith("mqtt.") ? UpstreamShapes.MqttContextKeys : UpstreamShapes.ContextKeys;
            Assert.That(UpstreamShapes.Keys(TriggerInput(kind)["connectionContext"]!), Is.EquivalentTo(expected));
        }

        [TestCaseSource(nameof(EventKinds))]
        public void ContextHeadersAreTheRequestHeadersWithoutContentHeaders(string kind)
        {
            var headers = UpstreamShapes.Keys(TriggerInput(kind)["connectionContext"]!["headers"]!);
            Assert.That(headers, Does.Contain("ce-type").And.Contain("ce-signature"));
            Assert.That(headers, Has.None.EqualTo("Content-Type").IgnoreCase.And.None.EqualTo("Content-Length").IgnoreCase);
        }

        [TestCaseSource(nameof(EventKinds))]
        public void EventTypeIsItsName(string kind) =>
            Assert.That(TriggerInput(kind)["connectionContext"]!["eventType"]!.Type, Is.EqualTo(JTokenType.String));

        [Test]
        public void ConnectCarriesTheClientsRequest()
        {
            var connect = TriggerInput("connect");
            UpstreamShapes.AssertJson(connect["subprotocols"], "[\"json.reliable.webpubsub.azure.v1\"]");
            UpstreamShapes.AssertJson(connect["claims"]!["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier"], "[\"u1\"]");
            UpstreamShapes.AssertJson(connect["query"], "{\"q\":[\"1\"]}");
            // Upstream's certificate has no DataMember name on Thumbprint, so Newtonsoft spells it PascalCase.
            UpstreamShapes.AssertJson(connect["clientCertificates"], "[{\"Thumbprint\":\"abc\",\"content\":\"pem\"}]");
        }

        [Test]
        public void UserEventDataIsItsTextAndDataTypeItsName()
        {
            var message = TriggerInput("message");
            UpstreamShapes.AssertValue(message["data"], "hello-text");
            UpstreamShapes.AssertValue(message["dataType"], "Text");
        }

        [Test]
        public void DisconnectedCarriesTheReason() =>
            UpstreamShapes.AssertValue(TriggerInput("disconnected")["reason"], "Application server closed the connection. Reason: bye-conn");

        [Test]
        public void MqttConnectCarriesTheMqttSubprotocolAndTheProtocolVersionNumber()
        {
            var connect = TriggerInput("mqtt.connect");
            UpstreamShapes.AssertJson(connect["subprotocols"], "[\"mqtt\"]");
            UpstreamShapes.AssertJson(connect["mqtt"], "{\"protocolVersion\":4,\"username\":\"mq\",\"password\":\"cGFzcw==\",\"userProperties\":[{\"name\":\"a\",\"value\":\"b\"}]}");
            var context = connect["connectionContext"]!;
            UpstreamShapes.AssertValue(context["physicalConnectionId"], "phys-1");
            Assert.That(context["sessionId"]!.Type, Is.EqualTo(JTokenType.Null));
        }

        [Test]
        public void MqttDisconnectedCarriesTheDisconnectCodeNumber() =>
            UpstreamShapes.AssertJson(TriggerInput("mqtt.disconnected")["mqtt"], "{\"initiatedByClient\":true,\"disconnectPacket\":{\"code\":0,\"userProperties\":[{\"name\":\"k\",\"value\":\"v\"}]}}");

        /// <summary>
        /// States as upstream's trigger conversion writes them: <c>JToken.FromObject(request).ToString()</c> through its
        /// states converter, which writes each state's JSON text raw. A state that is no JSON becomes a string here.
        /// </summary>
        [TestCase("connected")]
        [TestCase("message")]
        public void StatesAreTheirJson(string kind) =>
            UpstreamShapes.AssertJson(TriggerInput(kind)["connectionContext"]!["states"], "{\"visits\":" + OutOfProcPayloadFixture.VisitsJson + ",\"note\":\"" + OutOfProcPayloadFixture.Note + "\"}");
    }
}
