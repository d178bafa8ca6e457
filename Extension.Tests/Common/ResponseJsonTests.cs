using System;
using System.Linq;
using System.Text.Json;
using Microsoft.Azure.WebPubSub.Common;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common.JsonTestHelper;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common
{
    public class ResponseJsonTests
    {
        [Test]
        public void ConnectResponseRoundTripsAndLeavesStatesOut()
        {
            var response = new ConnectEventResponse("u", new[] { "g" }, "json.webpubsub.azure.v1", new[] { "r1", "r2" });
            response.SetState("k", BinaryData.FromString("1"));

            string json = Serialize(response);
            JsonElement root = Parse(json);
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "userId", "groups", "subprotocol", "roles" }));

            var back = Deserialize<ConnectEventResponse>(json);
            Assert.Multiple(() =>
            {
                Assert.That(back.UserId, Is.EqualTo("u"));
                Assert.That(back.Groups, Is.EqualTo(new[] { "g" }));
                Assert.That(back.Subprotocol, Is.EqualTo("json.webpubsub.azure.v1"));
                Assert.That(back.Roles, Is.EqualTo(new[] { "r1", "r2" }));
            });
        }

        [Test]
        public void ConnectResponseNullFieldsStayNull()
        {
            var back = RoundTrip(new ConnectEventResponse());
            Assert.That(back.UserId, Is.Null);
            Assert.That(back.Groups, Is.Null);
            Assert.That(back.Roles, Is.Null);
            Assert.That(back.Subprotocol, Is.Null);
        }

        [Test]
        public void UserResponseRoundTripsStringData()
        {
            var response = new UserEventResponse("{\"x\":1}", WebPubSubDataType.Json);
            string json = Serialize(response);
            JsonElement root = Parse(json);
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "data", "dataType" }));
            Assert.That(root.GetProperty("data").GetString(), Is.EqualTo("{\"x\":1}"));
            Assert.That(root.GetProperty("dataType").GetString(), Is.EqualTo("Json"));

            var back = Deserialize<UserEventResponse>(json);
            Assert.That(back.Data!.ToString(), Is.EqualTo("{\"x\":1}"));
            Assert.That(back.DataType, Is.EqualTo(WebPubSubDataType.Json));
        }

        [Test]
        public void UserResponseReadsNodeBuffer()
        {
            var back = Deserialize<UserEventResponse>(@"{""data"":{""type"":""Buffer"",""data"":[1,2,3]},""dataType"":""binary""}");
            Assert.That(back.Data!.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(back.DataType, Is.EqualTo(WebPubSubDataType.Binary));
        }

        [Test]
        public void UserResponseDefaultsToTextForStrings()
        {
            var response = new UserEventResponse("hi");
            Assert.That(response.DataType, Is.EqualTo(WebPubSubDataType.Text));
            Assert.That(RoundTrip(response).Data!.ToString(), Is.EqualTo("hi"));
        }

        [Test]
        public void ErrorResponseRoundTripsCodeAndMessage()
        {
            var response = new EventErrorResponse(WebPubSubErrorCode.UserError, "bad input");
            JsonElement root = Parse(Serialize(response));
            Assert.That(root.GetProperty("errorMessage").GetString(), Is.EqualTo("bad input"));
            Assert.That(root.GetProperty("code").GetString(), Is.EqualTo("UserError"));

            var back = RoundTrip(response);
            Assert.That(back.GetType(), Is.EqualTo(typeof(EventErrorResponse)));
            Assert.That(back.Code, Is.EqualTo(WebPubSubErrorCode.UserError));
            Assert.That(back.ErrorMessage, Is.EqualTo("bad input"));
        }

        [TestCase(@"{""code"":""unauthorized"",""errorMessage"":""no""}", WebPubSubErrorCode.Unauthorized)]
        [TestCase(@"{""code"":1}", WebPubSubErrorCode.UserError)]
        [TestCase(@"{""code"":""Success""}", WebPubSubErrorCode.ServerError)]
        public void ErrorResponseReadsWorkerCodes(string json, WebPubSubErrorCode expected)
        {
            Assert.That(Deserialize<EventErrorResponse>(json).Code, Is.EqualTo(expected));
        }

        [Test]
        public void BaseTypedResponseIsWrittenAsItsRuntimeType()
        {
            WebPubSubEventResponse response = new UserEventResponse("x");
            Assert.That(Parse(Serialize(response)).GetProperty("dataType").GetString(), Is.EqualTo("Text"));
            WebPubSubEventResponse mqtt = new MqttConnectEventResponse("u", null, null);
            Assert.That(Parse(Serialize(mqtt)).GetProperty("subprotocol").GetString(), Is.EqualTo("mqtt"));
        }
    }
}
