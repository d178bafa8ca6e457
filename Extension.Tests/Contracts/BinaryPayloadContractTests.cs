using System.Linq;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Contracts
{
    /// <summary>
    /// Binary user data on the out-of-process paths. Upstream writes it as UTF-8 text, which replaces bytes that
    /// are not UTF-8 with U+FFFD (reference §3.1: 01 02 03 FF arrives as 6 bytes). Ours writes such bytes as a
    /// Node.js Buffer object, which upstream's and our worker converters and Node's <c>Buffer.from</c> read
    /// losslessly; bytes that are UTF-8 stay the string they always were.
    /// </summary>
    public class BinaryPayloadContractTests : OutOfProcContractTests
    {
        private static readonly int[] Bytes = OutOfProcPayloadFixture.BinaryBytes.Select(b => (int)b).ToArray();

        [Test]
        public void TriggerInputCarriesNonUtf8BytesAsANodeBuffer()
        {
            var message = TriggerInput("binary");
            UpstreamShapes.AssertValue(message["dataType"], "Binary");
            Assert.That(message["data"]!["type"]!.Value<string>(), Is.EqualTo("Buffer"));
            Assert.That(message["data"]!["data"]!.Values<int>(), Is.EqualTo(Bytes));
        }

        [Test]
        public void BinaryBytesThatAreUtf8StayAString() =>
            UpstreamShapes.AssertValue(TriggerInput("binary-utf8")["data"], "bytes-that-are-text");

        [Test]
        public void NodeAndCustomHandlersGetTheSameBuffer()
        {
            Assert.That(NodeBindingData("binary")["data"]!["data"]!.Values<int>(), Is.EqualTo(Bytes));
            // Custom handlers get a JSON object as itself (other values as their JSON text).
            var metadata = CustomHandlerMetadata("binary")["Data"]!;
            Assert.That(metadata.Type, Is.EqualTo(JTokenType.Object));
            Assert.That(metadata["data"]!.Values<int>(), Is.EqualTo(Bytes));
        }

        [Test]
        public void TheBufferReadsBackByteForByte()
        {
            // What a worker returns unchanged (e.g. an echo) must reach the host's own readers as the same bytes.
            var request = JsonConvert.DeserializeObject<UserEventRequestContentProbe>(RawTriggerInput("binary"))!;
            Assert.That(request.Data!.ToArray(), Is.EqualTo(OutOfProcPayloadFixture.BinaryBytes));
            var viaSystemTextJson = System.Text.Json.JsonSerializer.Deserialize<SystemTextJsonProbe>(RawTriggerInput("binary"))!;
            Assert.That(viaSystemTextJson.Data!.ToArray(), Is.EqualTo(OutOfProcPayloadFixture.BinaryBytes));
        }

        private sealed class UserEventRequestContentProbe
        {
            [JsonConverter(typeof(BinaryDataTextNewtonsoftConverter))]
            public System.BinaryData? Data { get; set; }
        }

        private sealed class SystemTextJsonProbe
        {
            [System.Text.Json.Serialization.JsonPropertyName("data")]
            [System.Text.Json.Serialization.JsonConverter(typeof(BinaryDataPayloadJsonConverter))]
            public System.BinaryData? Data { get; set; }
        }
    }
}
