using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Contracts
{
    /// <summary>
    /// What a Node function (function.json, programming model v3) reads from <c>context.bindingData</c>: the binding
    /// data through the gRPC conversion and Node's key camel-casing (functions-host-contracts.md §3.2).
    /// </summary>
    public class NodeContractTests : OutOfProcContractTests
    {
        /// <summary>Upstream's process-wide converter wrote the name; ours must too, for system events as well.</summary>
        [TestCaseSource(nameof(EventKinds))]
        public void DataTypeIsTheNameText(string kind) =>
            UpstreamShapes.AssertValue(NodeBindingData(kind)["dataType"], "Text");

        [TestCaseSource(nameof(EventKinds))]
        public void RequestIsTheRequestObject(string kind) =>
            Assert.That(UpstreamShapes.Keys(NodeBindingData(kind)["request"]!), Is.EquivalentTo(UpstreamShapes.TriggerKeys[kind]));

        [TestCaseSource(nameof(EventKinds))]
        public void OurFlatValuesAreStrings(string kind)
        {
            var bindingData = NodeBindingData(kind);
            UpstreamShapes.AssertValue(bindingData["connectionId"], "conn-1");
            Assert.That(bindingData["hub"]!.Type, Is.EqualTo(JTokenType.String));
        }

        /// <summary>States are decoded JSON for scripts (upstream 1.1.0: no <c>JSON.parse</c> needed).</summary>
        [TestCase("connected")]
        [TestCase("message")]
        public void StatesAreDecodedJson(string kind)
        {
            var states = NodeBindingData(kind)["request"]!["connectionContext"]!["states"]!;
            UpstreamShapes.AssertJson(states["visits"], OutOfProcPayloadFixture.VisitsJson);
            UpstreamShapes.AssertValue(states["note"], OutOfProcPayloadFixture.Note);
        }

        [Test]
        public void UserEventDataIsTheText() =>
            UpstreamShapes.AssertValue(NodeBindingData("message")["data"], "hello-text");

        [Test]
        public void ConnectValuesAndCamelCasedHeaderKeys()
        {
            var bindingData = NodeBindingData("connect");
            UpstreamShapes.AssertJson(bindingData["subprotocols"], "[\"json.reliable.webpubsub.azure.v1\"]");
            UpstreamShapes.AssertJson(bindingData["query"], "{\"q\":[\"1\"]}");
            Assert.That(UpstreamShapes.Keys(bindingData["request"]!["headers"]!), Is.EquivalentTo(new[] { "connection", "sec-WebSocket-Protocol" }));
        }

        [Test]
        public void MqttConnectSubprotocolsAndProtocolVersion()
        {
            var bindingData = NodeBindingData("mqtt.connect");
            UpstreamShapes.AssertJson(bindingData["subprotocols"], "[\"mqtt\"]");
            UpstreamShapes.AssertValue(bindingData["request"]!["mqtt"]!["protocolVersion"], 4);
        }

        [Test]
        public void DisconnectedReasonIsTheText() =>
            UpstreamShapes.AssertValue(NodeBindingData("disconnected")["reason"], "Application server closed the connection. Reason: bye-conn");
    }
}
