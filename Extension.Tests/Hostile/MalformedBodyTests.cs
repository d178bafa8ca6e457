using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebPubSub.Common;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// Issue 7, defect 3: a null anywhere in an event body is a 400 naming the field (never a 500 from the
    /// mapper), and the function is not invoked. Whole optional collections may be null.
    /// </summary>
    public class MalformedBodyTests
    {
        private readonly InvocationRecorder _recorder = new();
        private WebPubSubTestHost _host = null!;

        [OneTimeSetUp]
        public async Task Start() => _host = await HostileHost.StartAsync(_recorder);

        [OneTimeTearDown]
        public async Task Stop() => await _host.DisposeAsync();

        [SetUp]
        public void Clear() => _recorder.Drain();

        [TestCase("{\"clientCertificates\":[null]}", "clientCertificates[0]")]
        [TestCase("{\"clientCertificates\":[{\"thumbprint\":\"a\"},{\"content\":\"pem\"}]}", "clientCertificates[1].thumbprint")]
        [TestCase("{\"claims\":{\"role\":null}}", "claims.role")]
        [TestCase("{\"claims\":{\"role\":[\"a\",null]}}", "claims.role[1]")]
        [TestCase("{\"query\":{\"q\":[null]}}", "query.q[0]")]
        [TestCase("{\"headers\":{\"Host\":null}}", "headers.Host")]
        [TestCase("{\"subprotocols\":[\"json.webpubsub.azure.v1\",null]}", "subprotocols[1]")]
        public async Task NullInsideAConnectBodyIsA400NamingTheField(string body, string field)
        {
            var response = await _host.SendAsync(Connect(HostileFunctions.Hub, body));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"'{field}'"));
            Assert.That(_recorder.Drain(), Is.Empty);
        }

        [TestCase("{\"mqtt\":{\"protocolVersion\":5,\"userProperties\":[null]}}", "mqtt.userProperties[0]")]
        [TestCase("{\"mqtt\":{\"protocolVersion\":5,\"userProperties\":[{\"name\":\"a\",\"value\":null}]}}", "mqtt.userProperties[0].value")]
        [TestCase("{\"mqtt\":{\"protocolVersion\":5,\"userProperties\":[{\"value\":\"v\"}]}}", "mqtt.userProperties[0].name")]
        [TestCase("{\"mqtt\":{\"protocolVersion\":3}}", "mqtt.protocolVersion")]
        [TestCase("{\"clientCertificates\":[null],\"mqtt\":{\"protocolVersion\":4}}", "clientCertificates[0]")]
        public async Task NullInsideAnMqttConnectBodyIsA400NamingTheField(string body, string field)
        {
            var response = await _host.SendAsync(Connect(HostileFunctions.Hub, body, MqttShapeTests.MqttHeaders()));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain($"'{field}'"));
            Assert.That(_recorder.Drain(), Is.Empty);
        }

        [Test]
        public async Task NullUserPropertyOfAnMqttDisconnectPacketIsA400NamingTheField()
        {
            var request = Event(HostileFunctions.Hub, "azure.webpubsub.sys.disconnected", "disconnected",
                Json("{\"reason\":null,\"mqtt\":{\"initiatedByClient\":true,\"disconnectPacket\":{\"code\":0,\"userProperties\":[null]}}}"),
                headers: MqttShapeTests.MqttHeaders());
            var response = await _host.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("'mqtt.disconnectPacket.userProperties[0]'"));
            Assert.That(_recorder.Drain(), Is.Empty);
        }

        [Test]
        public async Task InvalidUtf8InAConnectBodyIsA400()
        {
            var body = System.Text.Encoding.UTF8.GetBytes("{\"claims\":{\"a\":[\"x\"]}}");
            body[body.Length - 5] = 0xC0; // inside the string "x"
            var content = new System.Net.Http.ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var response = await _host.SendAsync(Event(HostileFunctions.Hub, "azure.webpubsub.sys.connect", "connect", content));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Invalid connect event body"));
            Assert.That(_recorder.Drain(), Is.Empty);
        }

        [TestCase("{\"claims\":{\"a\":[\"\\ud800\"]}}")]
        [TestCase("{\"query\":{\"\\udc00\":[\"x\"]}}")]
        public async Task LoneSurrogateEscapesInAConnectBodyAreA400(string body)
        {
            var response = await _host.SendAsync(Connect(HostileFunctions.Hub, body));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(_recorder.Drain(), Is.Empty);
        }

        [Test]
        public async Task NullCollectionsAreTolerated()
        {
            var response = await _host.SendAsync(Connect(HostileFunctions.Hub,
                "{\"claims\":null,\"query\":null,\"headers\":null,\"subprotocols\":null,\"clientCertificates\":null}"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var request = (ConnectEventRequest)_recorder.Drain().Single().Value!;
            Assert.That(request.Claims, Is.Null);
            Assert.That(request.ClientCertificates, Is.Null);
        }

        [Test]
        public async Task ConnectBodyWithAnotherContentTypeIs400NamingIt()
        {
            var request = Connect(HostileFunctions.Hub);
            request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
            var response = await _host.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Content-Type").And.Contain("text/plain"));
        }

        [Test]
        public async Task TheContextBindingRefusesNullsTheSameWay()
        {
            await HostileHost.CallContextAsync(_host, Connect(HostileFunctions.Hub, "{\"clientCertificates\":[null]}"));
            var context = (WebPubSubContext)_recorder.Drain().Single(i => i.Function == "context").Value!;
            Assert.That(context.HasError, Is.True);
            Assert.That(context.Response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(context.ErrorMessage, Does.Contain("'clientCertificates[0]'"));
        }
    }
}
