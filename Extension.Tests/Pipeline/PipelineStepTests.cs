using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Pipeline
{
    /// <summary>Each pipeline step on its own.</summary>
    public class PipelineStepTests
    {
        private static RequestValidator Validator(params string[] connectionStrings) =>
            new(connectionStrings.Select(ConnectionStringParser.Parse));

        [Test]
        public void OriginsSplitOnCommasAndSpacesAcrossHeaderValues()
        {
            Assert.That(OriginParser.Parse(new[] { "a, b", "c d,,e" }), Is.EqualTo(new[] { "a", "b", "c", "d", "e" }));
        }

        [Test]
        public void CloudEventsHeadersAreReadAndClassified()
        {
            var headers = CloudEventsParser.Parse(new HttpRequestMessageAdapter(User("chat", "message", new byte[] { 1 }, "application/octet-stream")));
            Assert.That(headers.Hub, Is.EqualTo("chat"));
            Assert.That(headers.EventType, Is.EqualTo(WebPubSubEventType.User));
            Assert.That(headers.Kind, Is.EqualTo(RequestKind.User));
            Assert.That(headers.IsMqtt, Is.False);
            Assert.That(headers.Signature, Does.Contain(","));
        }

        [TestCase("azure.webpubsub.sys.connect", "connect", "Connect")]
        [TestCase("azure.webpubsub.sys.connected", "CONNECTED", "Connected")]
        [TestCase("azure.webpubsub.sys.disconnected", "disconnected", "Disconnected")]
        [TestCase("azure.webpubsub.sys.future", "future", "OtherSystem")]
        [TestCase("azure.webpubsub.gp.left", "left", "GroupLeft")]
        public void EventKindsFollowTypeAndName(string type, string eventName, string kind)
        {
            var headers = CloudEventsParser.Parse(new HttpRequestMessageAdapter(Event("chat", type, eventName)));
            Assert.That(headers.Kind.ToString(), Is.EqualTo(kind));
        }

        [Test]
        public void MqttNeedsBothSubprotocolAndPhysicalConnection()
        {
            var onlySubprotocol = Event("h", "azure.webpubsub.sys.connected", "connected", headers: new Dictionary<string, string?> { ["ce-subprotocol"] = "mqtt" });
            Assert.That(CloudEventsParser.Parse(new HttpRequestMessageAdapter(onlySubprotocol)).IsMqtt, Is.False);
            var both = Event("h", "azure.webpubsub.sys.connected", "connected", headers: new Dictionary<string, string?> { ["ce-subprotocol"] = "mqtt", ["ce-physicalConnectionId"] = "p" });
            Assert.That(CloudEventsParser.Parse(new HttpRequestMessageAdapter(both)).IsMqtt, Is.True);
        }

        [Test]
        public void ValidatorAcceptsAnySignatureOfAnyMatchingEndpoint()
        {
            var validator = Validator($"Endpoint=https://{ServiceHost};AccessKey=k1", $"Endpoint=http://{ServiceHost};AccessKey=k2", "Endpoint=https://other;AccessKey=k3");
            Assert.That(validator.IsSignatureValid(new[] { ServiceHost }, Sign("c", "k2"), "c"), Is.True);
            Assert.That(validator.IsSignatureValid(new[] { ServiceHost }, Sign("c", "k3"), "c"), Is.False, "k3 belongs to another host");
            Assert.That(validator.IsSignatureValid(new[] { "unknown", ServiceHost.ToUpperInvariant() }, Sign("c", "k1"), "c"), Is.True);
            Assert.That(validator.IsSignatureValid(new[] { ServiceHost }, null, "c"), Is.False);
        }

        [Test]
        public void KeylessEndpointsCheckTheOriginOnly()
        {
            var validator = Validator($"Endpoint=https://{ServiceHost}");
            Assert.That(validator.IsSignatureValid(new[] { ServiceHost }, null, "c"), Is.True);
            Assert.That(validator.IsSignatureValid(new[] { "evil" }, null, "c"), Is.False);
            Assert.That(validator.FindAllowedOrigin(new[] { "evil", ServiceHost }), Is.EqualTo(ServiceHost));
        }

        [Test]
        public void AcceptAllValidatesNothing()
        {
            Assert.That(RequestValidator.AcceptAll.ValidatesNothing, Is.True);
            Assert.That(RequestValidator.AcceptAll.IsSignatureValid(new[] { "x" }, null, "c"), Is.True);
        }

        [Test]
        public void StatesMergeOverwriteAndClear()
        {
            var existing = new Dictionary<string, BinaryData> { ["a"] = BinaryData.FromString("1"), ["b"] = BinaryData.FromString("2") };
            var updates = new Dictionary<string, BinaryData> { ["b"] = BinaryData.FromString("3") };
            var merged = ConnectionStatesHeader.Merge(existing, updates, cleared: false)!;
            Assert.That(merged.ToDictionary(p => p.Key, p => p.Value.ToString()), Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "1", ["b"] = "3" }));
            Assert.That(ConnectionStatesHeader.Merge(existing, new Dictionary<string, BinaryData>(), cleared: false), Is.Null, "no change → no header");
            Assert.That(ConnectionStatesHeader.Merge(existing, new Dictionary<string, BinaryData>(), cleared: true), Is.Empty);
            Assert.That(ConnectionStatesHeader.Merge(existing, updates, cleared: true)!.Keys, Is.EqualTo(new[] { "b" }));
        }

        private static UserEventRequest UserRequest() =>
            new(new WebPubSubConnectionContext(WebPubSubEventType.User, "message", "chat", "c"), BinaryData.FromString("x"), WebPubSubDataType.Text);

        [Test]
        public void UserResponseCarriesDataTypeAndStates()
        {
            var response = UserRequest().CreateResponse("{\"a\":1}", WebPubSubDataType.Json);
            response.SetState("k", BinaryData.FromString("true"));
            var http = EventResponseWriter.Write(RequestKind.User, UserRequest(), response);
            Assert.That(http.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(http.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            Assert.That(DecodeStates(http.Headers.GetValues("ce-connectionState").Single())["k"], Is.EqualTo("true"));
        }

        [Test]
        public void NonBlockingEventsIgnoreReturnValues()
        {
            var http = EventResponseWriter.Write(RequestKind.Connected, null, "anything");
            Assert.That(http.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public void UnexpectedReturnTypesAreAClear500()
        {
            var error = Assert.Throws<WebPubSubRequestException>(() => EventResponseWriter.Write(RequestKind.User, UserRequest(), 42));
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(error.Message, Does.Contain("Int32"));
        }

        [Test]
        public void ScriptConnectResponsesDropUnknownMembersAndReadStates()
        {
            var response = (ConnectEventResponse)ScriptResponseReader.Read(RequestKind.Connect,
                JObject.Parse("{\"userId\":\"u\",\"groups\":[\"g\"],\"extra\":1,\"states\":{\"s\":[1,2]}}"), isMqtt: false);
            Assert.That(response.UserId, Is.EqualTo("u"));
            Assert.That(response.Groups, Is.EqualTo(new[] { "g" }));
            Assert.That(response.ConnectionStates["s"].ToString(), Is.EqualTo("[1,2]"));
            Assert.That(Encoding.UTF8.GetString(ResponseJson.SerializeConnectResponse(response)), Is.EqualTo("{\"userId\":\"u\",\"groups\":[\"g\"]}"));
        }

        [TestCase("\"binary\"", WebPubSubDataType.Binary)]
        [TestCase("0", WebPubSubDataType.Binary)]
        [TestCase("\"Json\"", WebPubSubDataType.Json)]
        [TestCase("1", WebPubSubDataType.Json)]
        [TestCase("\"text\"", WebPubSubDataType.Text)]
        [TestCase("2", WebPubSubDataType.Text)]
        public void ScriptUserResponsesReadDataTypeNamesAndNumbers(string dataType, WebPubSubDataType expected)
        {
            var response = (UserEventResponse)ScriptResponseReader.Read(RequestKind.User, JObject.Parse($"{{\"data\":\"test\",\"dataType\":{dataType}}}"), isMqtt: false);
            Assert.That(response.DataType, Is.EqualTo(expected));
            Assert.That(response.Data!.ToString(), Is.EqualTo("test"));
        }

        [Test]
        public void ScriptNodeBufferDataIsBytes()
        {
            var response = (UserEventResponse)ScriptResponseReader.Read(RequestKind.User, JObject.Parse("{\"data\":{\"type\":\"Buffer\",\"data\":[1,2,255]},\"dataType\":\"binary\"}"), isMqtt: false);
            Assert.That(response.Data!.ToArray(), Is.EqualTo(new byte[] { 1, 2, 255 }));
        }

        [Test]
        public void ScriptMqttRejectionBecomesTheMqttErrorJson()
        {
            var error = (MqttConnectEventErrorResponse)ScriptResponseReader.Read(RequestKind.Connect,
                JObject.Parse("{\"mqtt\":{\"code\":135,\"reason\":\"no\",\"userProperties\":[{\"name\":\"a\",\"value\":\"b\"}]}}"), isMqtt: true);
            Assert.That(error.Code, Is.EqualTo(WebPubSubErrorCode.Unauthorized));
            var http = EventResponseWriter.Write(RequestKind.Connect,
                new ConnectEventRequest(new WebPubSubConnectionContext(WebPubSubEventType.System, "connect", "h", "c"), null!, null!, null!, null!), error);
            Assert.That(http.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            var json = JObject.Parse(http.Content.ReadAsStringAsync().Result);
            Assert.That(json["mqtt"]!["code"]!.Value<int>(), Is.EqualTo(135));
            Assert.That(json["mqtt"]!["userProperties"]![0]!["value"]!.Value<string>(), Is.EqualTo("b"));
        }

        [TestCase("[1]", "JSON object")]
        [TestCase("{\"code\":\"userError\",\"errorMessage\":\"bad\"}", null)]
        public void ScriptErrorsAndNonObjects(string json, string? error)
        {
            if (error != null)
            {
                var exception = Assert.Throws<WebPubSubRequestException>(() => ScriptResponseReader.Read(RequestKind.User, JToken.Parse(json), false));
                Assert.That(exception!.Message, Does.Contain(error));
                return;
            }
            var response = (EventErrorResponse)ScriptResponseReader.Read(RequestKind.User, JToken.Parse(json), false);
            Assert.That(response.Code, Is.EqualTo(WebPubSubErrorCode.UserError));
            Assert.That(response.ErrorMessage, Is.EqualTo("bad"));
        }

        [Test]
        public void UserEventMediaTypes()
        {
            Assert.That(EventRequestReader.DataTypeOf("TEXT/PLAIN"), Is.EqualTo(WebPubSubDataType.Text));
            var error = Assert.Throws<WebPubSubRequestException>(() => EventRequestReader.DataTypeOf("application/xml"));
            Assert.That(error!.Message, Is.EqualTo("Message data only supports text, binary, json. Current value is: application/xml"));
        }
    }
}
