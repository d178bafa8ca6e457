using System;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common.JsonTestHelper;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common
{
    /// <summary>The mapping layer's null checks (issue 7, defect 3) and strict state decoding (defect 6), below the pipeline.</summary>
    public class ContentGuardTests
    {
        private const string Context = "\"connectionContext\":{\"eventType\":\"System\",\"eventName\":\"connect\",\"hub\":\"h\",\"connectionId\":\"c\"}";

        [TestCase("\"clientCertificates\":[null]", "clientCertificates[0]")]
        [TestCase("\"clientCertificates\":[{\"content\":\"pem\"}]", "clientCertificates[0].thumbprint")]
        [TestCase("\"claims\":{\"a\":[null]}", "claims.a[0]")]
        [TestCase("\"subprotocols\":[null]", "subprotocols[0]")]
        [TestCase("\"mqtt\":{\"protocolVersion\":4,\"userProperties\":[{\"name\":\"n\"}]}", "mqtt.userProperties[0].value")]
        public void ModelReadersRefuseNullsNamingThePath(string member, string path)
        {
            var e = Assert.Throws<JsonException>(() => Deserialize<ConnectEventRequest>("{" + Context + "," + member + "}"));
            Assert.That(e!.Message, Does.Contain($"'{path}'"));
        }

        [Test]
        public void MapperRefusesANullCertificateAsAJsonExceptionNotANullReference()
        {
            var e = Assert.Throws<JsonException>(() => ContentMapper.FromContent(new ClientCertificateContent?[] { null }!));
            Assert.That(e!.Message, Does.Contain("'clientCertificates[0]'"));
        }

        [TestCase("")]
        [TestCase(null)]
        public void AbsentStatesDecodeAsEmpty(string? header)
        {
            Assert.That(ConnectionStatesEncoding.TryDecode(header, out var states), Is.True);
            Assert.That(states, Is.Empty);
        }

        [TestCase("not base64!")]
        [TestCase("eyJrIjoiXHVkODAwIn0=")] // {"k":"\ud800"}: a lone surrogate escape
        [TestCase("WzFd")] // [1]
        public void UndecodableStatesAreReportedNotEmptied(string header) =>
            Assert.That(ConnectionStatesEncoding.TryDecode(header, out _), Is.False);

        [Test]
        public void ValidStatesDecode()
        {
            var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"n\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("1")) + "\"}"));
            Assert.That(ConnectionStatesEncoding.TryDecode(header, out var states), Is.True);
            Assert.That(states["n"].ToString(), Is.EqualTo("1"));
        }
    }
}
