using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebPubSub.Common;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// Issue 7, defect 4: a function is never invoked with a null trigger value. An MQTT request whose body lacks
    /// its <c>mqtt</c> section, and every event kind with a body of the wrong shape, is either a 400 saying what
    /// is missing or reaches the function as a complete request.
    /// </summary>
    public class MqttShapeTests
    {
        private readonly InvocationRecorder _recorder = new();
        private WebPubSubTestHost _host = null!;

        [OneTimeSetUp]
        public async Task Start() => _host = await HostileHost.StartAsync(_recorder);

        [OneTimeTearDown]
        public async Task Stop() => await _host.DisposeAsync();

        [SetUp]
        public void Clear() => _recorder.Drain();

        internal static Dictionary<string, string?> MqttHeaders() => new()
        {
            ["ce-subprotocol"] = "mqtt",
            ["ce-physicalConnectionId"] = "phys-1",
        };

        [TestCase("{\"claims\":{},\"query\":{},\"headers\":{},\"clientCertificates\":[]}")]
        [TestCase("{}")]
        [TestCase("null")]
        [TestCase("")]
        [TestCase("{\"mqtt\":null}")]
        public async Task MqttConnectWithoutMqttSectionIsA400NamingIt(string body)
        {
            var response = await _host.SendAsync(Connect(HostileFunctions.Hub, body, MqttHeaders()));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("'mqtt'"));
            Assert.That(_recorder.Drain(), Is.Empty, "the MQTT function must not run without its request");
        }

        [TestCase("{\"reason\":\"gone\"}")]
        [TestCase("{}")]
        [TestCase("")]
        public async Task MqttDisconnectedWithoutMqttSectionIsA400NamingIt(string body)
        {
            var response = await _host.SendAsync(Event(HostileFunctions.Hub, "azure.webpubsub.sys.disconnected", "disconnected", Json(body), headers: MqttHeaders()));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("'mqtt'"));
            Assert.That(_recorder.Drain(), Is.Empty);
        }

        [Test]
        public async Task CompleteMqttRequestsStillReachTheirFunctions()
        {
            var connect = await _host.SendAsync(Connect(HostileFunctions.Hub, "{\"mqtt\":{\"protocolVersion\":4}}", MqttHeaders()));
            Assert.That(connect.StatusCode, Is.EqualTo(HttpStatusCode.OK), await connect.Content.ReadAsStringAsync());
            var disconnected = await _host.SendAsync(Event(HostileFunctions.Hub, "azure.webpubsub.sys.disconnected", "disconnected",
                Json("{\"reason\":null,\"mqtt\":{\"initiatedByClient\":false,\"disconnectPacket\":null}}"), headers: MqttHeaders()));
            Assert.That(disconnected.StatusCode, Is.EqualTo(HttpStatusCode.OK), await disconnected.Content.ReadAsStringAsync());
            var seen = _recorder.Drain();
            Assert.That(seen.Select(i => i.Function), Is.EqualTo(new[] { "mqttConnect", "mqttDisconnected" }));
            Assert.That(seen.Select(i => i.Value), Has.None.Null);
        }

        [Test]
        public async Task AWebSocketConnectIsNotGivenToAnMqttOnlyParameter()
        {
            var response = await _host.SendAsync(Connect("strict"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("MqttConnectEventRequest").And.Contain("strictMqttConnect"));
            Assert.That(_recorder.Drain(), Is.Empty);
        }

        [Test]
        public async Task AnUnknownSystemEventIsNotGivenAsNullToATypedCatchAll()
        {
            var response = await _host.SendAsync(Event(HostileFunctions.Hub, "azure.webpubsub.sys.future", "future", Json("{}")));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("fuzzAnySystem"));
            Assert.That(_recorder.Drain(), Is.Empty);
        }

        [Test]
        public async Task AnUnknownSystemEventGivesAScriptCatchAllTheConnectionContextNotNull()
        {
            var response = await _host.SendAsync(Event(HostileFunctions.ScriptHub, "azure.webpubsub.sys.future", "future", Json("{}")));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var json = (Newtonsoft.Json.Linq.JObject)_recorder.Drain().Single().Value!;
            Assert.That(json["connectionId"]!.ToString(), Is.EqualTo("conn-1"));
            Assert.That(json["eventName"]!.ToString(), Is.EqualTo("future"));
        }

        // Every event kind with each odd body: a 400, or a complete (non-null) request for its function.
        private static IEnumerable<TestCaseData> OddBodies()
        {
            var kinds = new (string Type, string Name, bool Mqtt)[]
            {
                ("azure.webpubsub.sys.connect", "connect", false),
                ("azure.webpubsub.sys.connect", "connect", true),
                ("azure.webpubsub.sys.connected", "connected", false),
                ("azure.webpubsub.sys.disconnected", "disconnected", false),
                ("azure.webpubsub.sys.disconnected", "disconnected", true),
                ("azure.webpubsub.gp.joined", "joined", false),
                ("azure.webpubsub.gp.left", "left", false),
                ("azure.webpubsub.user.message", "message", false),
                ("azure.webpubsub.user.other", "other", false),
            };
            foreach (var (type, name, mqtt) in kinds)
            {
                foreach (var body in new[] { "", "null", "{}", "[]", "\"text\"", "42", "[null]", "{\"group\":null}", "{\"mqtt\":[]}" })
                {
                    yield return new TestCaseData(type, name, mqtt, body).SetName($"OddBody({name}{(mqtt ? ",mqtt" : "")},{body})");
                }
            }
        }

        [TestCaseSource(nameof(OddBodies))]
        public async Task OddBodiesAreA400OrACompleteRequest(string type, string name, bool mqtt, string body)
        {
            var request = Event(HostileFunctions.Hub, type, name, Json(body), headers: mqtt ? MqttHeaders() : null);
            var response = await _host.SendAsync(request);
            var seen = _recorder.Drain();
            Assert.That((int)response.StatusCode, Is.EqualTo(200).Or.EqualTo(400), await response.Content.ReadAsStringAsync());
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.That(seen, Has.Count.EqualTo(1));
                Assert.That(seen[0].Value, Is.Not.Null);
            }
            else
            {
                Assert.That(seen, Is.Empty);
                Assert.That(await response.Content.ReadAsStringAsync(), Is.Not.Empty);
            }
        }

        [Test]
        public async Task TheContextBindingRefusesAnMqttConnectWithoutMqttSection()
        {
            await HostileHost.CallContextAsync(_host, Connect(HostileFunctions.Hub, "{}", MqttHeaders()));
            var context = (WebPubSubContext)_recorder.Drain().Single().Value!;
            Assert.That(context.HasError, Is.True);
            Assert.That(context.Request, Is.Null);
            Assert.That(context.Response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(context.ErrorMessage, Does.Contain("'mqtt'"));
        }
    }
}
