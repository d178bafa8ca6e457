using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Contracts
{
    /// <summary>
    /// (b) What a custom handler gets: <c>{"Data":{"request":…},"Metadata":{…}}</c> with Metadata being the binding data
    /// as the host serialises it (functions-host-contracts.md §3.3). Existing handlers read upstream's PascalCase keys.
    /// </summary>
    public class CustomHandlerContractTests : OutOfProcContractTests
    {
        [TestCaseSource(nameof(EventKinds))]
        public void MetadataKeysAreUpstreamsPlusOurs(string kind)
        {
            var expected = UpstreamShapes.MetadataKeys[kind].Concat(UpstreamShapes.OurAdditions).Append("sys");
            Assert.That(UpstreamShapes.Keys(CustomHandlerMetadata(kind)), Is.EquivalentTo(expected));
        }

        /// <summary>The host writes values that are no JSON object as their JSON text: the name, quoted.</summary>
        [TestCaseSource(nameof(EventKinds))]
        public void DataTypeIsTheNameText(string kind) =>
            UpstreamShapes.AssertValue(CustomHandlerMetadata(kind)["DataType"], "\"Text\"");

        [TestCaseSource(nameof(EventKinds))]
        public void RequestAndConnectionContextAreObjectsWithUpstreamsKeys(string kind)
        {
            var metadata = CustomHandlerMetadata(kind);
            Assert.That(UpstreamShapes.Keys(metadata["Request"]!), Is.EquivalentTo(UpstreamShapes.TriggerKeys[kind]));
            var expected = kind.StartsWith("mqtt.") ? UpstreamShapes.MqttContextKeys : UpstreamShapes.ContextKeys;
            Assert.That(UpstreamShapes.Keys(metadata["ConnectionContext"]!), Is.EquivalentTo(expected));
        }

        [TestCaseSource(nameof(EventKinds))]
        public void OurFlatValuesAreThereForBindingExpressions(string kind)
        {
            var metadata = CustomHandlerMetadata(kind);
            UpstreamShapes.AssertValue(metadata["connectionId"], "\"conn-1\"");
            UpstreamShapes.AssertValue(metadata["userId"], "\"user-1\"");
            Assert.That(metadata["eventName"]!.Value<string>(), Does.StartWith("\""));
        }

        [Test]
        public void ConnectMetadataCarriesClaimsQueryAndSubprotocols()
        {
            var metadata = CustomHandlerMetadata("connect");
            UpstreamShapes.AssertJson(metadata["Claims"]!["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier"], "[\"u1\"]");
            UpstreamShapes.AssertJson(metadata["Query"], "{\"q\":[\"1\"]}");
            UpstreamShapes.AssertValue(metadata["Subprotocols"], "[\"json.reliable.webpubsub.azure.v1\"]");
            UpstreamShapes.AssertValue(metadata["ClientCertificates"], "[{\"Thumbprint\":\"abc\",\"content\":\"pem\"}]");
        }

        [Test]
        public void UserEventMetadataCarriesTheDataText() =>
            UpstreamShapes.AssertValue(CustomHandlerMetadata("message")["Data"], "\"hello-text\"");

        [Test]
        public void MqttConnectMetadataCarriesTheMqttSubprotocolAndProtocolVersionNumber()
        {
            var metadata = CustomHandlerMetadata("mqtt.connect");
            UpstreamShapes.AssertValue(metadata["Subprotocols"], "[\"mqtt\"]");
            UpstreamShapes.AssertJson(metadata["Request"]!["subprotocols"], "[\"mqtt\"]");
            UpstreamShapes.AssertValue(metadata["Request"]!["mqtt"]!["protocolVersion"], 4);
            UpstreamShapes.AssertValue(metadata["mqtt"]!["protocolVersion"], 4);
        }

        /// <summary>The trigger input is a string, which the host JSON-encodes once more (captured in both).</summary>
        [Test]
        public void DataRequestIsTheRequestJsonEncodedTwice()
        {
            var data = FunctionsHostModel.CustomHandlerData(RawTriggerInput("connect"));
            var inner = JToken.Parse(data.Value<string>()!);
            Assert.That(inner.Type, Is.EqualTo(JTokenType.String));
            Assert.That(UpstreamShapes.Keys(JObject.Parse(inner.Value<string>()!)), Is.EquivalentTo(UpstreamShapes.TriggerKeys["connect"]));
        }
    }
}
