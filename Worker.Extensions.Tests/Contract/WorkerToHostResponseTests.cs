using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Serialization;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using H = Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Contract
{
    /// <summary>
    /// Every response the worker returns, serialized with each serializer an app may configure, is read by this
    /// repository's host-side response reader into the webhook answer the service gets.
    /// </summary>
    [TestFixtureSource(typeof(WorkerSerializers), nameof(WorkerSerializers.Names))]
    public class WorkerToHostResponseTests
    {
        private readonly string _serializer;

        public WorkerToHostResponseTests(string serializer) => _serializer = serializer;

        /// <summary>The host's answer for what the worker returned, declared as the function's return type.</summary>
        private HttpResponseMessage Answer(RequestKind kind, H.WebPubSubEventRequest request, object returned, Type declared, bool asText = false)
        {
            var json = WorkerSerializers.ToJson(_serializer, returned, declared);
            return EventResponseWriter.Write(kind, request, asText ? (object)json : JToken.Parse(json));
        }

        private static string Body(HttpResponseMessage response) => response.Content?.ReadAsStringAsync().Result ?? string.Empty;

        private static System.Collections.Generic.IReadOnlyDictionary<string, BinaryData> StatesHeader(HttpResponseMessage response) =>
            ConnectionStatesEncoding.Decode(response.Headers.TryGetValues("ce-connectionState", out var values) ? values.Single() : null);

        [TestCase(false)]
        [TestCase(true)]
        public void Connect_UserGroupsRolesSubprotocolAndStates(bool asText)
        {
            var response = ConnectEventRequest.CreateResponse("srv-u1", new[] { "g1" }, "json.webpubsub.azure.v1", new[] { "webpubsub.sendToGroup.g1" });
            response.SetState("visits", new { n = 1 });
            response.SetState("raw", BinaryData.FromString("[1,2]"));

            var answer = Answer(RequestKind.Connect, HostRequests.Connect(), response, typeof(WebPubSubEventResponse), asText);

            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var body = JObject.Parse(Body(answer));
            Assert.That(body["userId"]!.Value<string>(), Is.EqualTo("srv-u1"));
            Assert.That(body["groups"]!.ToObject<string[]>(), Is.EqualTo(new[] { "g1" }));
            Assert.That(body["roles"]!.ToObject<string[]>(), Is.EqualTo(new[] { "webpubsub.sendToGroup.g1" }));
            Assert.That(body["subprotocol"]!.Value<string>(), Is.EqualTo("json.webpubsub.azure.v1"));
            var states = StatesHeader(answer);
            Assert.That(states["visits"].ToString(), Is.EqualTo("{\"n\":1}"));
            Assert.That(states["raw"].ToString(), Is.EqualTo("[1,2]"));
            Assert.That(states["visits"].ToString(), Is.Not.Null, "existing states are kept");
        }

        [Test]
        public void Connect_WithoutStates_LeavesTheServiceStatesAlone()
        {
            var answer = Answer(RequestKind.Connect, HostRequests.Connect(), new ConnectEventResponse { UserId = "a" }, typeof(ConnectEventResponse));

            Assert.That(answer.Headers.Contains("ce-connectionState"), Is.False);
            Assert.That(JObject.Parse(Body(answer))["userId"]!.Value<string>(), Is.EqualTo("a"));
        }

        [Test]
        public void MqttConnect_UserProperties()
        {
            var response = MqttConnectEventRequest.CreateMqttResponse("m1", new[] { "g" }, null);
            response.Mqtt = new MqttConnectEventResponseProperties { UserProperties = new[] { new MqttUserProperty("k", "v") } };

            var answer = Answer(RequestKind.Connect, HostRequests.MqttConnect(), response, typeof(ConnectEventResponse));

            var body = JObject.Parse(Body(answer));
            Assert.That(body["userId"]!.Value<string>(), Is.EqualTo("m1"));
            Assert.That(body["subprotocol"]!.Value<string>(), Is.EqualTo("mqtt"));
            Assert.That(body["mqtt"]!["userProperties"]![0]!["name"]!.Value<string>(), Is.EqualTo("k"));
            Assert.That(body["mqtt"]!["userProperties"]![0]!["value"]!.Value<string>(), Is.EqualTo("v"));
        }

        [TestCase(WebPubSubErrorCode.Unauthorized, HttpStatusCode.Unauthorized)]
        [TestCase(WebPubSubErrorCode.UserError, HttpStatusCode.BadRequest)]
        [TestCase(WebPubSubErrorCode.ServerError, HttpStatusCode.InternalServerError)]
        public void Error_StatusAndMessage(WebPubSubErrorCode code, HttpStatusCode status)
        {
            foreach (var (kind, request) in new (RequestKind, H.WebPubSubEventRequest)[] { (RequestKind.Connect, HostRequests.Connect()), (RequestKind.User, HostRequests.User()) })
            {
                var answer = Answer(kind, request, ConnectEventRequest.CreateErrorResponse(code, "denied"), typeof(WebPubSubEventResponse));

                Assert.That(answer.StatusCode, Is.EqualTo(status));
                Assert.That(Body(answer), Is.EqualTo("denied"));
            }
        }

        [TestCase(MqttV311ConnectReturnCode.NotAuthorized, HttpStatusCode.Unauthorized)]
        [TestCase(MqttV311ConnectReturnCode.BadUsernameOrPassword, HttpStatusCode.BadRequest)]
        [TestCase(MqttV311ConnectReturnCode.ServerUnavailable, HttpStatusCode.InternalServerError)]
        public void MqttError_V311(MqttV311ConnectReturnCode code, HttpStatusCode status)
        {
            var request = new MqttConnectEventRequest { Mqtt = new MqttConnectProperties { ProtocolVersion = MqttProtocolVersion.V311 } };

            var answer = Answer(RequestKind.Connect, HostRequests.MqttConnect(), request.CreateMqttV311ErrorResponse(code, "no"), typeof(WebPubSubEventResponse));

            Assert.That(answer.StatusCode, Is.EqualTo(status));
            var mqtt = JObject.Parse(Body(answer))["mqtt"]!;
            Assert.That(mqtt["code"]!.Value<int>(), Is.EqualTo((int)code));
            Assert.That(mqtt["reason"]!.Value<string>(), Is.EqualTo("no"));
        }

        [Test]
        public void MqttError_V50()
        {
            var request = new MqttConnectEventRequest { Mqtt = new MqttConnectProperties { ProtocolVersion = MqttProtocolVersion.V500 } };

            var answer = Answer(RequestKind.Connect, HostRequests.MqttConnect(H.MqttProtocolVersion.V500), request.CreateMqttV50ErrorResponse(MqttV500ConnectReasonCode.Banned, "banned"), typeof(EventErrorResponse));

            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(JObject.Parse(Body(answer))["mqtt"]!["code"]!.Value<int>(), Is.EqualTo(138));
            Assert.Throws<InvalidOperationException>(() => request.CreateMqttV311ErrorResponse(MqttV311ConnectReturnCode.NotAuthorized));
        }

        [TestCase(WebPubSubDataType.Text, "text/plain")]
        [TestCase(WebPubSubDataType.Json, "application/json")]
        [TestCase(WebPubSubDataType.Binary, "application/octet-stream")]
        public void User_DataByteForByte(WebPubSubDataType dataType, string contentType)
        {
            var bytes = dataType == WebPubSubDataType.Binary ? new byte[] { 0, 1, 2, 0xFF, 0xFE, (byte)'a' } : System.Text.Encoding.UTF8.GetBytes(dataType == WebPubSubDataType.Json ? "{\"j\":\"é\"}" : "ack: ünïcode");

            var answer = Answer(RequestKind.User, HostRequests.User(), UserEventRequest.CreateResponse(BinaryData.FromBytes(bytes), dataType), typeof(WebPubSubEventResponse));

            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Content.ReadAsByteArrayAsync().Result, Is.EqualTo(bytes));
            Assert.That(answer.Content.Headers.ContentType!.MediaType, Is.EqualTo(contentType));
        }

        [Test]
        public void User_BinaryThatIsValidText_StillExact()
        {
            var bytes = new byte[] { 1, 2, 3 };

            var answer = Answer(RequestKind.User, HostRequests.User(), new UserEventResponse(BinaryData.FromBytes(bytes), WebPubSubDataType.Binary), typeof(UserEventResponse));

            Assert.That(answer.Content.ReadAsByteArrayAsync().Result, Is.EqualTo(bytes));
        }

        [Test]
        public void User_StatesRoundTrip()
        {
            var response = new UserEventResponse("ack");
            response.SetState("messages", 3);
            response.SetState("profile", new { name = "ann", tags = new[] { "a" } });

            var answer = Answer(RequestKind.User, HostRequests.User(), response, typeof(WebPubSubEventResponse));

            var states = StatesHeader(answer);
            Assert.That(states["messages"].ToString(), Is.EqualTo("3"));
            Assert.That(states["profile"].ToString(), Is.EqualTo("{\"name\":\"ann\",\"tags\":[\"a\"]}"));
            Assert.That(states["visits"].ToString(), Is.EqualTo("{\"n\":0}"), "the connection's other states are kept");
            Assert.That(Body(answer), Is.EqualTo("ack"));
        }

        [Test]
        public void User_NoData_EmptyAnswer()
        {
            var answer = Answer(RequestKind.User, HostRequests.User(), new UserEventResponse(), typeof(UserEventResponse));

            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Content, Is.Null.Or.Property("Headers").Property("ContentLength").EqualTo(0));
        }
    }
}
