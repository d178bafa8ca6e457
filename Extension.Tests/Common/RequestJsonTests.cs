using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.WebPubSub.Common;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common.JsonTestHelper;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common
{
    public class RequestJsonTests
    {
        [Test]
        public void ConnectRequestRoundTripsEveryField()
        {
            var claims = new Dictionary<string, string[]> { ["sub"] = new[] { "alice" }, ["role"] = new[] { "a", "b" } };
            var query = new Dictionary<string, string[]> { ["token"] = new[] { "t" } };
            var headers = new Dictionary<string, string[]> { ["x-h"] = new[] { "1" } };
            var certs = new[] { new WebPubSubClientCertificate("thumb1", "PEM1"), new WebPubSubClientCertificate("thumb2") };
            var request = new ConnectEventRequest(MakeContext(), claims, query, new[] { "json.webpubsub.azure.v1" }, certs, headers);

            string json = Serialize(request);
            JsonElement root = Parse(json);
            Assert.Multiple(() =>
            {
                Assert.That(root.GetProperty("claims").GetProperty("role")[1].GetString(), Is.EqualTo("b"));
                Assert.That(root.GetProperty("query").GetProperty("token")[0].GetString(), Is.EqualTo("t"));
                Assert.That(root.GetProperty("headers").GetProperty("x-h")[0].GetString(), Is.EqualTo("1"));
                Assert.That(root.GetProperty("subprotocols")[0].GetString(), Is.EqualTo("json.webpubsub.azure.v1"));
                Assert.That(root.GetProperty("clientCertificates")[0].GetProperty("thumbprint").GetString(), Is.EqualTo("thumb1"));
                Assert.That(root.GetProperty("connectionContext").GetProperty("hub").GetString(), Is.EqualTo("hub1"));
                Assert.That(root.TryGetProperty("mqtt", out _), Is.False);
            });

            var back = Deserialize<ConnectEventRequest>(json);
            Assert.Multiple(() =>
            {
                Assert.That(back.GetType(), Is.EqualTo(typeof(ConnectEventRequest)));
                Assert.That(back.Claims, Is.EqualTo(claims));
                Assert.That(back.Query, Is.EqualTo(query));
                Assert.That(back.Headers, Is.EqualTo(headers));
                Assert.That(back.Subprotocols, Is.EqualTo(new[] { "json.webpubsub.azure.v1" }));
                Assert.That(back.ClientCertificates!.Select(c => (c.Thumbprint, c.Content)),
                    Is.EqualTo(new[] { ("thumb1", (string?)"PEM1"), ("thumb2", (string?)null) }));
            });
            AssertSameContext(back.ConnectionContext, request.ConnectionContext);
        }

        [Test]
        public void ConnectRequestNullCollectionsStayNull()
        {
            var back = RoundTrip(new ConnectEventRequest(MakeContext(), null, null, null, null, null));
            Assert.Multiple(() =>
            {
                Assert.That(back.Claims, Is.Null);
                Assert.That(back.Query, Is.Null);
                Assert.That(back.Subprotocols, Is.Null);
                Assert.That(back.ClientCertificates, Is.Null);
                Assert.That(back.Headers, Is.Null);
            });
        }

        [Test]
        public void ClaimOrderIsPreserved()
        {
            var claims = new Dictionary<string, string[]>();
            foreach (var name in new[] { "z", "a", "m", "b", "y" })
            {
                claims[name] = new[] { name };
            }
            var back = RoundTrip(new ConnectEventRequest(MakeContext(), claims, null, null, null));
            Assert.That(back.Claims!.Keys, Is.EqualTo(new[] { "z", "a", "m", "b", "y" }));
        }

        [Test]
        public void ReadsServiceShapedConnectBody()
        {
            const string json = @"{""claims"":{""sub"":[""u""]},""query"":{},""subprotocols"":[""p1"",""p2""],
                ""clientCertificates"":[{""thumbprint"":""t1""},{""thumbprint"":""t2"",""content"":""c2""}]}";
            var request = Deserialize<ConnectEventRequest>(json);
            Assert.Multiple(() =>
            {
                Assert.That(request.Subprotocols, Is.EqualTo(new[] { "p1", "p2" }));
                Assert.That(request.ClientCertificates![0].Content, Is.Null);
                Assert.That(request.ClientCertificates[1].Content, Is.EqualTo("c2"));
                Assert.That(request.Query, Is.Empty);
                Assert.That(request.ConnectionContext, Is.Null, "the service sends the context in headers, not the body");
            });
        }

        [Test]
        public void StatesAreWrittenAsBase64InsideConnectionContext()
        {
            var states = new Dictionary<string, BinaryData>
            {
                ["json"] = BinaryData.FromString("{\"a\":1}"),
                ["bytes"] = BinaryData.FromBytes(new byte[] { 0, 255, 7 }),
            };
            var request = new ConnectedEventRequest(MakeContext(states));

            string json = Serialize(request);
            JsonElement written = Parse(json).GetProperty("connectionContext").GetProperty("states");
            Assert.Multiple(() =>
            {
                Assert.That(written.GetProperty("json").GetString(), Is.EqualTo(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"a\":1}"))));
                Assert.That(written.GetProperty("bytes").GetString(), Is.EqualTo("AP8H"));
            });

            var back = Deserialize<ConnectedEventRequest>(json);
            AssertSameContext(back.ConnectionContext, request.ConnectionContext);
        }

        [TestCase(@"{""a"":""not base64!""}")]
        [TestCase(@"{""a"":""AP8H"",""b"":5}")]
        [TestCase(@"[""AP8H""]")]
        [TestCase(@"""AP8H""")]
        public void InvalidStatesReadAsEmpty(string states)
        {
            string json = @"{""connectionContext"":{""eventType"":""System"",""eventName"":""connected"",""hub"":""h"",""connectionId"":""c"",""states"":" + states + "}}";
            var request = Deserialize<ConnectedEventRequest>(json);
            Assert.That(request.ConnectionContext.ConnectionStates, Is.Empty);
            Assert.That(request.ConnectionContext.Hub, Is.EqualTo("h"), "the rest of the context is still read");
        }

        [Test]
        public void MissingStatesReadAsEmptyNotNull()
        {
            var request = Deserialize<ConnectedEventRequest>(@"{""connectionContext"":{""eventType"":1,""hub"":""h"",""states"":null}}");
            Assert.That(request.ConnectionContext.ConnectionStates, Is.Not.Null.And.Empty);
            Assert.That(request.ConnectionContext.EventType, Is.EqualTo(WebPubSubEventType.User));
        }

        [Test]
        public void EventTypeIsWrittenByNameAndReadInAnyCase()
        {
            var context = new WebPubSubConnectionContext(WebPubSubEventType.GroupPresence, "joined", "h", "c");
            Assert.That(Parse(Serialize(context)).GetProperty("eventType").GetString(), Is.EqualTo("GroupPresence"));
            Assert.That(Deserialize<WebPubSubConnectionContext>(@"{""eventType"":""user""}").EventType, Is.EqualTo(WebPubSubEventType.User));
            Assert.Throws<JsonException>(() => Deserialize<WebPubSubConnectionContext>(@"{""eventType"":""nope""}"));
        }

        [Test]
        public void PlainContextHasNoMqttFields()
        {
            JsonElement root = Parse(Serialize(MakeContext()));
            Assert.That(root.TryGetProperty("physicalConnectionId", out _), Is.False);
            Assert.That(root.TryGetProperty("sessionId", out _), Is.False);
            Assert.That(Deserialize<WebPubSubConnectionContext>(Serialize(MakeContext())), Is.Not.InstanceOf<MqttConnectionContext>());
        }

        [Test]
        public void MqttContextRoundTripsAsMqttContext()
        {
            var context = MqttContext();
            string json = Serialize<WebPubSubConnectionContext>(context);
            Assert.That(Parse(json).GetProperty("physicalConnectionId").GetString(), Is.EqualTo("physical1"));
            AssertSameContext(Deserialize<WebPubSubConnectionContext>(json), context);
            AssertSameContext(Deserialize<MqttConnectionContext>(json), context);
        }

        [Test]
        public void DisconnectedRequestRoundTrips()
        {
            var request = new DisconnectedEventRequest(MakeContext(), "bye");
            string json = Serialize(request);
            JsonElement root = Parse(json);
            Assert.That(root.GetProperty("reason").GetString(), Is.EqualTo("bye"));
            Assert.That(root.TryGetProperty("connectionContext", out _), Is.True);

            var back = Deserialize<DisconnectedEventRequest>(json);
            Assert.That(back.GetType(), Is.EqualTo(typeof(DisconnectedEventRequest)));
            Assert.That(back.Reason, Is.EqualTo("bye"));
            AssertSameContext(back.ConnectionContext, request.ConnectionContext);
        }

        [Test]
        public void UserRequestRoundTripsTextData()
        {
            var request = new UserEventRequest(MakeContext(), BinaryData.FromString("héllo"), WebPubSubDataType.Text);
            string json = Serialize(request);
            JsonElement root = Parse(json);
            Assert.That(root.GetProperty("data").GetString(), Is.EqualTo("héllo"));
            Assert.That(root.GetProperty("dataType").GetString(), Is.EqualTo("Text"));

            var back = Deserialize<UserEventRequest>(json);
            Assert.That(back.Data.ToString(), Is.EqualTo("héllo"));
            Assert.That(back.DataType, Is.EqualTo(WebPubSubDataType.Text));
            AssertSameContext(back.ConnectionContext, request.ConnectionContext);
        }

        [TestCase(@"""json""", WebPubSubDataType.Json)]
        [TestCase(@"""BINARY""", WebPubSubDataType.Binary)]
        [TestCase("2", WebPubSubDataType.Text)]
        [TestCase(@"""1""", WebPubSubDataType.Json)]
        public void DataTypeAcceptsNamesInAnyCaseAndNumbers(string dataType, WebPubSubDataType expected)
        {
            var request = Deserialize<UserEventRequest>(@"{""data"":""x"",""dataType"":" + dataType + "}");
            Assert.That(request.DataType, Is.EqualTo(expected));
        }

        [TestCase(@"""xml""")]
        [TestCase("7")]
        public void UnknownDataTypeIsRejected(string dataType)
        {
            Assert.Throws<JsonException>(() => Deserialize<UserEventRequest>(@"{""data"":""x"",""dataType"":" + dataType + "}"));
        }

        [Test]
        public void NodeBufferDataIsReadAsItsBytes()
        {
            var request = Deserialize<UserEventRequest>(@"{""data"":{""type"":""buffer"",""data"":[104,105,0,255]},""dataType"":""binary""}");
            Assert.That(request.Data.ToArray(), Is.EqualTo(new byte[] { 104, 105, 0, 255 }));
        }

        [Test]
        public void EmptyNodeBufferIsEmptyData()
        {
            var request = Deserialize<UserEventRequest>(@"{""data"":{""type"":""Buffer"",""data"":[]},""dataType"":""Binary""}");
            Assert.That(request.Data.ToArray(), Is.Empty);
        }

        [Test]
        public void NodeBufferWithNonByteValuesIsRejected()
        {
            Assert.Throws<JsonException>(() => Deserialize<UserEventRequest>(@"{""data"":{""type"":""Buffer"",""data"":[256]},""dataType"":""Binary""}"));
        }

        [Test]
        public void NonStringJsonDataIsKeptAsJsonText()
        {
            var request = Deserialize<UserEventRequest>(@"{""data"":{""a"":[1,2]},""dataType"":""Json""}");
            Assert.That(request.Data.ToString(), Is.EqualTo(@"{""a"":[1,2]}"));
        }

        [Test]
        public void PreflightRoundTrips()
        {
            Assert.That(Parse(Serialize(new PreflightRequest(true))).GetProperty("isValid").GetBoolean(), Is.True);
            Assert.That(RoundTrip(new PreflightRequest(true)).IsValid, Is.True);
            Assert.That(RoundTrip(new PreflightRequest(false)).IsValid, Is.False);
        }

        [Test]
        public void GroupPresenceRequestsRoundTrip()
        {
            var joined = new JoinedGroupEventRequest(MakeContext(), "g1");
            var left = new LeftGroupEventRequest(MakeContext(), "g2");
            Assert.That(Parse(Serialize(joined)).GetProperty("group").GetString(), Is.EqualTo("g1"));
            Assert.That(Parse(Serialize(left)).GetProperty("group").GetString(), Is.EqualTo("g2"));
            Assert.That(RoundTrip(joined).Group, Is.EqualTo("g1"));
            Assert.That(RoundTrip(left).Group, Is.EqualTo("g2"));
            AssertSameContext(RoundTrip(left).ConnectionContext, left.ConnectionContext);
        }

        [Test]
        public void BaseTypedRequestIsWrittenAsItsRuntimeType()
        {
            WebPubSubEventRequest request = new DisconnectedEventRequest(MakeContext(), "r");
            Assert.That(Parse(Serialize(request)).GetProperty("reason").GetString(), Is.EqualTo("r"));
            Assert.That(() => Deserialize<WebPubSubEventRequest>("{}"), Throws.InstanceOf<NotSupportedException>());
        }
    }
}
