using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Azure.WebPubSub.Common;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common.JsonTestHelper;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common
{
    public class MqttJsonTests
    {
        private static readonly MqttUserProperty[] UserProperties = { new("a", "1"), new("b", "2"), new("a", "3") };

        [Test]
        public void ConnectPropertiesRoundTrip()
        {
            var mqtt = new MqttConnectProperties(MqttProtocolVersion.V500, "name", "cGFzcw==", UserProperties);
            string json = Serialize(mqtt);
            JsonElement root = Parse(json);
            Assert.That(root.GetProperty("protocolVersion").GetInt32(), Is.EqualTo(5));
            Assert.That(root.GetProperty("userProperties")[1].GetProperty("name").GetString(), Is.EqualTo("b"));

            var back = Deserialize<MqttConnectProperties>(json);
            Assert.Multiple(() =>
            {
                Assert.That(back.ProtocolVersion, Is.EqualTo(MqttProtocolVersion.V500));
                Assert.That(back.Username, Is.EqualTo("name"));
                Assert.That(back.Password, Is.EqualTo("cGFzcw=="));
                Assert.That(back.UserProperties, Is.EqualTo(UserProperties), "records compare by value, order kept");
            });
        }

        [Test]
        public void ConnectPropertiesOptionalFieldsStayNull()
        {
            var back = Deserialize<MqttConnectProperties>(@"{""protocolVersion"":4}");
            Assert.That(back.ProtocolVersion, Is.EqualTo(MqttProtocolVersion.V311));
            Assert.That(back.Username, Is.Null);
            Assert.That(back.Password, Is.Null);
            Assert.That(back.UserProperties, Is.Null);
        }

        [Test]
        public void ConnectPropertiesWithoutProtocolVersionAreRejected()
        {
            Assert.Throws<JsonException>(() => Deserialize<MqttConnectProperties>(@"{""username"":""u""}"));
        }

        [Test]
        public void DisconnectPacketRoundTripsAndRequiresCode()
        {
            var packet = Deserialize<MqttDisconnectPacketProperties>(@"{""code"":142,""userProperties"":[{""name"":""n"",""value"":""v""}]}");
            Assert.That(packet.Code, Is.EqualTo(MqttDisconnectReasonCode.SessionTakenOver));
            Assert.That(RoundTrip(packet).UserProperties, Is.EqualTo(new[] { new MqttUserProperty("n", "v") }));
            Assert.That(Deserialize<MqttDisconnectPacketProperties>(@"{""code"":0}").UserProperties, Is.Null);
            Assert.Throws<JsonException>(() => Deserialize<MqttDisconnectPacketProperties>(@"{""userProperties"":[]}"));
        }

        [Test]
        public void DisconnectedPropertiesRoundTripAndRequireInitiatedByClient()
        {
            var withPacket = Deserialize<MqttDisconnectedEventRequestProperties>(@"{""initiatedByClient"":true,""disconnectPacket"":{""code"":4}}");
            var back = RoundTrip(withPacket);
            Assert.That(back.InitiatedByClient, Is.True);
            Assert.That(back.DisconnectPacket!.Code, Is.EqualTo(MqttDisconnectReasonCode.DisconnectWithWillMessage));

            var noPacket = RoundTrip(Deserialize<MqttDisconnectedEventRequestProperties>(@"{""initiatedByClient"":false}"));
            Assert.That(noPacket.InitiatedByClient, Is.False);
            Assert.That(noPacket.DisconnectPacket, Is.Null);

            Assert.Throws<JsonException>(() => Deserialize<MqttDisconnectedEventRequestProperties>(@"{""disconnectPacket"":{""code"":0}}"));
        }

        [Test]
        public void MqttConnectRequestRoundTrips()
        {
            var request = new MqttConnectEventRequest(
                MqttContext(),
                new Dictionary<string, string[]> { ["c"] = new[] { "1" } },
                null,
                new[] { new WebPubSubClientCertificate("t", "pem") },
                null,
                new MqttConnectProperties(MqttProtocolVersion.V311, "u", null, UserProperties));

            string json = Serialize<ConnectEventRequest>(request);
            Assert.That(Parse(json).GetProperty("mqtt").GetProperty("username").GetString(), Is.EqualTo("u"));

            // The base type reads an MQTT body as the MQTT request, so handlers can switch on the type.
            var back = (MqttConnectEventRequest)Deserialize<ConnectEventRequest>(json);
            Assert.Multiple(() =>
            {
                Assert.That(back.Mqtt.ProtocolVersion, Is.EqualTo(MqttProtocolVersion.V311));
                Assert.That(back.Mqtt.UserProperties, Is.EqualTo(UserProperties));
                Assert.That(back.Claims!["c"], Is.EqualTo(new[] { "1" }));
                Assert.That(back.ClientCertificates!.Single().Content, Is.EqualTo("pem"));
                // As upstream: every MQTT connect reports the MQTT WebSocket subprotocol.
                Assert.That(back.Subprotocols, Is.EqualTo(new[] { "mqtt" }));
            });
            AssertSameContext(back.ConnectionContext, request.ConnectionContext);
            Assert.That(Deserialize<MqttConnectEventRequest>(json).Mqtt.Username, Is.EqualTo("u"));
        }

        [Test]
        public void MqttConnectRequestWithoutMqttSectionIsRejected()
        {
            Assert.Throws<JsonException>(() => Deserialize<MqttConnectEventRequest>(@"{""claims"":null}"));
        }

        [Test]
        public void MqttDisconnectedRequestRoundTrips()
        {
            var withPacket = Deserialize<MqttDisconnectedEventRequestProperties>(@"{""initiatedByClient"":true,""disconnectPacket"":{""code"":152,""userProperties"":[{""name"":""x"",""value"":""y""}]}}");
            var request = new MqttDisconnectedEventRequest(MqttContext(), "gone", withPacket);

            var back = (MqttDisconnectedEventRequest)Deserialize<DisconnectedEventRequest>(Serialize(request));
            Assert.That(back.Reason, Is.EqualTo("gone"));
            Assert.That(back.Mqtt.InitiatedByClient, Is.True);
            Assert.That(back.Mqtt.DisconnectPacket!.Code, Is.EqualTo(MqttDisconnectReasonCode.AdministrativeAction));
            Assert.That(back.Mqtt.DisconnectPacket.UserProperties, Is.EqualTo(new[] { new MqttUserProperty("x", "y") }));
            AssertSameContext(back.ConnectionContext, request.ConnectionContext);

            var noPacket = new MqttDisconnectedEventRequest(MqttContext(), null, Deserialize<MqttDisconnectedEventRequestProperties>(@"{""initiatedByClient"":false}"));
            var backNoPacket = RoundTrip(noPacket);
            Assert.That(backNoPacket.Mqtt.DisconnectPacket, Is.Null);
            Assert.That(backNoPacket.Reason, Is.Null);
        }

        [Test]
        public void ErrorResponseWritesOnlyTheMqttSection()
        {
            var response = new MqttConnectEventErrorResponse(MqttV500ConnectReasonCode.Banned, "go away");
            response.Mqtt.UserProperties = UserProperties;

            JsonElement root = Parse(Serialize(response));
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "mqtt" }));
            JsonElement mqtt = root.GetProperty("mqtt");
            Assert.That(mqtt.GetProperty("code").GetInt32(), Is.EqualTo(138));
            Assert.That(mqtt.GetProperty("reason").GetString(), Is.EqualTo("go away"));

            var back = RoundTrip(response);
            Assert.Multiple(() =>
            {
                Assert.That(back.Mqtt.Code, Is.EqualTo(138));
                Assert.That(back.Mqtt.Reason, Is.EqualTo("go away"));
                Assert.That(back.Mqtt.UserProperties, Is.EqualTo(UserProperties));
                Assert.That(back.Code, Is.EqualTo(WebPubSubErrorCode.UserError));
            });
        }

        [Test]
        public void ErrorResponseTypedAsBaseStillUsesMqttForm()
        {
            EventErrorResponse response = new MqttConnectEventErrorResponse(MqttV311ConnectReturnCode.BadUsernameOrPassword, null);
            string json = Serialize(response);
            Assert.That(Parse(json).EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "mqtt" }));

            var back = (MqttConnectEventErrorResponse)Deserialize<EventErrorResponse>(json);
            Assert.That(back.Mqtt.Code, Is.EqualTo(4));
            Assert.That(back.Code, Is.EqualTo(WebPubSubErrorCode.UserError));
        }

        [Test]
        public void ErrorResponseNullFieldsRoundTrip()
        {
            var back = RoundTrip(new MqttConnectEventErrorResponse(MqttV311ConnectReturnCode.NotAuthorized, null));
            JsonElement mqtt = Parse(Serialize(back)).GetProperty("mqtt");
            Assert.That(mqtt.GetProperty("reason").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(mqtt.GetProperty("userProperties").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(back.Mqtt.Reason, Is.Null);
            Assert.That(back.Mqtt.UserProperties, Is.Null);
            Assert.That(back.Code, Is.EqualTo(WebPubSubErrorCode.Unauthorized));
        }

        [TestCase(@"{}")]
        [TestCase(@"{""mqtt"":null}")]
        [TestCase(@"{""code"":0,""errorMessage"":""x""}")]
        public void ErrorResponseWithoutMqttIsRejected(string json)
        {
            Assert.Throws<JsonException>(() => Deserialize<MqttConnectEventErrorResponse>(json));
        }

        [Test]
        public void ErrorPropertiesRequireCode()
        {
            Assert.Throws<JsonException>(() => Deserialize<MqttConnectEventErrorResponse>(@"{""mqtt"":{""reason"":""r""}}"));
        }

        [Test]
        public void UnclassifiableWireCodeBecomesServerError()
        {
            var response = Deserialize<MqttConnectEventErrorResponse>(@"{""mqtt"":{""code"":130}}");
            Assert.That(response.Mqtt.Code, Is.EqualTo(130));
            Assert.That(response.Code, Is.EqualTo(WebPubSubErrorCode.ServerError));
        }

        [Test]
        public void ConnectResponseRoundTripsWithUserProperties()
        {
            var response = new MqttConnectEventResponse("user", new[] { "g1", "g2" }, new[] { "webpubsub.joinLeaveGroup" })
            {
                Mqtt = new MqttConnectEventResponseProperties { UserProperties = new[] { new MqttUserProperty("a", "b") } },
            };
            string json = Serialize(response);
            JsonElement root = Parse(json);
            Assert.That(root.GetProperty("subprotocol").GetString(), Is.EqualTo("mqtt"));
            Assert.That(root.GetProperty("mqtt").GetProperty("userProperties")[0].GetProperty("value").GetString(), Is.EqualTo("b"));

            var back = Deserialize<MqttConnectEventResponse>(json);
            Assert.That(back.UserId, Is.EqualTo("user"));
            Assert.That(back.Groups, Is.EqualTo(new[] { "g1", "g2" }));
            Assert.That(back.Roles, Is.EqualTo(new[] { "webpubsub.joinLeaveGroup" }));
            Assert.That(back.Mqtt!.UserProperties, Is.EqualTo(new[] { new MqttUserProperty("a", "b") }));
        }
    }
}
