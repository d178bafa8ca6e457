using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Trigger
{
    /// <summary>The webhook driven through the extension's converter in a real JobHost: upstream's status matrix and better.</summary>
    public class TriggerEndToEndTests
    {
        private WebPubSubTestHost _host = null!;

        [OneTimeSetUp]
        public async Task StartHost()
        {
            _host = await WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = ConnectionString },
                null,
                typeof(ChatFunctions), typeof(MqttFunctions), typeof(BindingDataFunctions), typeof(CatchAllFunctions));
        }

        [OneTimeTearDown]
        public async Task StopHost() => await _host.DisposeAsync();

        [SetUp]
        public void Reset()
        {
            Seen.Values.Clear();
            ChatFunctions.OnConnect = request => request.CreateResponse(request.ConnectionContext.UserId, new[] { "lobby" }, null, new[] { "webpubsub.joinLeaveGroup" });
        }

        [Test]
        public void WebhookIsRegisteredWithTheHost() => Assert.That(_host.WebhookUrl, Is.Not.Null);

        [Test]
        public async Task HandshakeWithConfiguredOriginEchoesIt()
        {
            var response = await _host.SendAsync(Options(ServiceHost));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.GetValues("WebHook-Allowed-Origin"), Is.EqualTo(new[] { ServiceHost }));
        }

        [TestCase("other.example.com, " + ServiceHost)]
        [TestCase("other.example.com," + ServiceHost)]
        [TestCase("other.example.com " + ServiceHost)]
        public async Task HandshakeAcceptsSeveralOriginsInOneHeader(string origins)
        {
            var response = await _host.SendAsync(Options(origins));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task HandshakeAcceptsSeveralOriginHeaders()
        {
            var response = await _host.SendAsync(Options("other.example.com", ServiceHost.ToUpperInvariant()));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task HandshakeWithForeignOriginIsRefused()
        {
            var response = await _host.SendAsync(Options("evil.example.com"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        [Test]
        public async Task RefusedHandshakeIsLoggedWithTheOrigin()
        {
            await _host.SendAsync(Options("misconfigured.example.com"));
            Assert.That(_host.Logs.AllText, Does.Contain("misconfigured.example.com"));
        }

        [Test]
        public async Task HandshakeWithoutOriginIsABadRequestNotACrash()
        {
            var response = await _host.SendAsync(Options());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("WebHook-Request-Origin"));
        }

        [Test]
        public async Task LegacyGetHandshakeIsAccepted()
        {
            var request = Options(ServiceHost);
            request.Method = HttpMethod.Get;
            Assert.That((await _host.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [TestCase("ce-hub")]
        [TestCase("ce-connectionId")]
        [TestCase("ce-type")]
        [TestCase("ce-eventName")]
        [TestCase("WebHook-Request-Origin")]
        public async Task MissingCloudEventsHeaderIsA400NamingIt(string header)
        {
            var response = await _host.SendAsync(Connected("chat", new Dictionary<string, string?> { [header] = null }));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(header));
        }

        [Test]
        public async Task AWildcardFunctionGetsUserEventsNoOtherFunctionHandles()
        {
            var caught = await _host.SendAsync(User("chat", "typing", Encoding.UTF8.GetBytes("x"), "text/plain"));
            Assert.That(caught.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await caught.Content.ReadAsStringAsync(), Is.EqualTo("caught typing"));

            var specific = await _host.SendAsync(User("chat", "message", Encoding.UTF8.GetBytes("x"), "text/plain"));
            Assert.That(await specific.Content.ReadAsStringAsync(), Is.EqualTo("x"), "a function for the event name wins over *");

            var otherHub = await _host.SendAsync(User("nohub", "typing", Encoding.UTF8.GetBytes("x"), "text/plain"));
            Assert.That(otherHub.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        [Test]
        public async Task UnknownHubIs404()
        {
            var response = await _host.SendAsync(Connected("nohub"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        [Test]
        public async Task HubIsMatchedCaseInsensitively()
        {
            var response = await _host.SendAsync(Connected("CHAT"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task WrongSignatureIs401()
        {
            var response = await _host.SendAsync(Connected("chat", new Dictionary<string, string?> { ["ce-signature"] = "sha256=" + new string('0', 64) }));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(Seen.Values.ContainsKey("connected"), Is.False);
        }

        [Test]
        public async Task MissingSignatureIs401()
        {
            var response = await _host.SendAsync(Connected("chat", new Dictionary<string, string?> { ["ce-signature"] = null }));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        [Test]
        public async Task ForeignOriginOnAnEventIs401()
        {
            var response = await _host.SendAsync(Connected("chat", new Dictionary<string, string?> { ["WebHook-Request-Origin"] = "evil.example.com" }));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        [TestCase(", ")]
        [TestCase(",")]
        public async Task SignatureMatchingTheSecondEntryIsAccepted(string separator)
        {
            var signature = Sign("conn-1", SecondaryKey) + separator + Sign("conn-1", AccessKey).ToUpperInvariant().Replace("SHA256=", "sha256=");
            var response = await _host.SendAsync(Connected("chat", new Dictionary<string, string?> { ["ce-signature"] = signature }));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task NonPostEventIs400()
        {
            var request = Connected("chat");
            request.Method = HttpMethod.Delete;
            Assert.That((await _host.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        [Test]
        public async Task ConnectedBindsContextAndTopLevelBindingData()
        {
            var response = await _host.SendAsync(Connected("chat"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var context = (WebPubSubConnectionContext)Seen.Values["connected"]!;
            Assert.That(context.Hub, Is.EqualTo("chat"));
            Assert.That(context.ConnectionId, Is.EqualTo("conn-1"));
            Assert.That(context.EventName, Is.EqualTo("connected"));
            Assert.That(context.Origin, Is.EqualTo(ServiceHost));
            Assert.That(Seen.Values["connected.connectionId"], Is.EqualTo("conn-1"));
            Assert.That(Seen.Values["connected.userId"], Is.EqualTo("user-1"));
        }

        [Test]
        public async Task NonBlockingFunctionFailureIsAcknowledgedAndLogged()
        {
            var request = Event("chat", "azure.webpubsub.sys.connected", "connected", Json("{}"), connectionId: "fail");
            var response = await _host.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_host.Logs.AllText, Does.Contain("connected failed"));
        }

        [Test]
        public async Task ConnectAnswersWithTheResponseJson()
        {
            var response = await _host.SendAsync(Connect("chat"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.That(json.RootElement.GetProperty("userId").GetString(), Is.EqualTo("user-1"));
            Assert.That(json.RootElement.GetProperty("groups")[0].GetString(), Is.EqualTo("lobby"));
            Assert.That(json.RootElement.GetProperty("roles")[0].GetString(), Is.EqualTo("webpubsub.joinLeaveGroup"));

            var request = (ConnectEventRequest)Seen.Values["connect"]!;
            Assert.That(request.Claims!["sub"], Is.EqualTo(new[] { "user-1" }));
            Assert.That(request.Query!["a"], Is.EqualTo(new[] { "1" }));
            Assert.That(request.Subprotocols, Is.EqualTo(new[] { "json.webpubsub.azure.v1" }));
            Assert.That(request.Headers!["Host"], Is.EqualTo(new[] { "x" }));
        }

        [TestCase(WebPubSubErrorCode.Unauthorized, HttpStatusCode.Unauthorized)]
        [TestCase(WebPubSubErrorCode.UserError, HttpStatusCode.BadRequest)]
        [TestCase(WebPubSubErrorCode.ServerError, HttpStatusCode.InternalServerError)]
        public async Task ConnectErrorResponseMapsToStatusAndMessage(WebPubSubErrorCode code, HttpStatusCode status)
        {
            ChatFunctions.OnConnect = request => request.CreateErrorResponse(code, "go away");
            var response = await _host.SendAsync(Connect("chat"));
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("go away"));
        }

        [Test]
        public async Task ErrorResponseWithoutMessageKeepsItsStatus()
        {
            ChatFunctions.OnConnect = request => request.CreateErrorResponse(WebPubSubErrorCode.Unauthorized, null!);
            var response = await _host.SendAsync(Connect("chat"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        [Test]
        public async Task ConnectReturningNullAcceptsWithDefaults()
        {
            ChatFunctions.OnConnect = _ => null;
            var response = await _host.SendAsync(Connect("chat"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
        }

        [Test]
        public async Task ConnectReturningAUserEventResponseIsAClear500()
        {
            ChatFunctions.OnConnect = _ => new UserEventResponse("x");
            var response = await _host.SendAsync(Connect("chat"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("UserEventResponse"));
        }

        [Test]
        public async Task ConnectFunctionThatThrowsGetsAPrompt500WithItsMessage()
        {
            ChatFunctions.OnConnect = _ => throw new InvalidOperationException("database down");
            var send = _host.SendAsync(Connect("chat"));
            Assert.That(await Task.WhenAny(send, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(send), "the webhook must not hang");
            var response = await send;
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("database down"));
        }

        [Test]
        public async Task MalformedConnectBodyIs400()
        {
            var response = await _host.SendAsync(Connect("chat", body: "{not json"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("connect"));
            Assert.That(Seen.Values.ContainsKey("connect"), Is.False);
        }

        [TestCase("text/plain", WebPubSubDataType.Text)]
        [TestCase("application/json", WebPubSubDataType.Json)]
        [TestCase("application/octet-stream", WebPubSubDataType.Binary)]
        public async Task UserEventEchoesDataWithItsType(string mediaType, WebPubSubDataType dataType)
        {
            var payload = mediaType == "application/octet-stream" ? new byte[] { 0, 1, 255 } : Encoding.UTF8.GetBytes("\"hi\"");
            var response = await _host.SendAsync(User("chat", "message", payload, mediaType + "; charset=utf-8"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(payload));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(mediaType));
            Assert.That(Seen.Values["message.dataType"], Is.EqualTo(dataType));
            Assert.That(((BinaryData)Seen.Values["message.data"]!).ToArray(), Is.EqualTo(payload));
        }

        [TestCase("application/xml")]
        [TestCase(null)]
        public async Task UserEventWithUnsupportedContentTypeIs400(string? mediaType)
        {
            var request = Event("chat", "azure.webpubsub.user.message", "message", new ByteArrayContent(new byte[] { 1 }));
            if (mediaType != null)
            {
                request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            }
            var response = await _host.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith("Message data only supports text, binary, json."));
        }

        [Test]
        public async Task StatesArriveDecodedAndLeaveMerged()
        {
            var states = EncodeStates(new Dictionary<string, string> { ["name"] = "\"ann\"", ["counter"] = "1" });
            var response = await _host.SendAsync(User("chat", "message", Encoding.UTF8.GetBytes("x"), "text/plain",
                new Dictionary<string, string?> { ["ce-connectionState"] = states }));
            var context = (WebPubSubConnectionContext)Seen.Values["message.context"]!;
            Assert.That(context.ConnectionStates["name"].ToString(), Is.EqualTo("\"ann\""));
            var written = DecodeStates(response.Headers.GetValues("ce-connectionState").Single());
            Assert.That(written, Is.EquivalentTo(new Dictionary<string, string> { ["name"] = "\"ann\"", ["counter"] = "2" }));
        }

        [Test]
        public async Task ClearStatesReallyClearsThem()
        {
            var states = EncodeStates(new Dictionary<string, string> { ["name"] = "\"ann\"" });
            var response = await _host.SendAsync(User("chat", "clear", Encoding.UTF8.GetBytes("x"), "text/plain",
                new Dictionary<string, string?> { ["ce-connectionState"] = states }));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(DecodeStates(response.Headers.GetValues("ce-connectionState").Single()), Is.Empty);
        }

        [Test]
        public async Task UserFunctionThatThrowsGetsAPrompt500()
        {
            var response = await _host.SendAsync(User("chat", "throws", Encoding.UTF8.GetBytes("x"), "text/plain"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("the function broke"));
        }

        [TestCase("{\"data\":\"pong\",\"dataType\":\"text\",\"states\":{\"n\":{\"a\":1}}}", HttpStatusCode.OK, "pong")]
        [TestCase("{\"code\":\"unauthorized\",\"errorMessage\":\"not valid user.\"}", HttpStatusCode.Unauthorized, "not valid user.")]
        [TestCase("{\"data\":\"x\",\"dataType\":\"nonsense\"}", HttpStatusCode.InternalServerError, "dataType")]
        public async Task ScriptFunctionsReturnJsonResponses(string returned, HttpStatusCode status, string body)
        {
            var response = await _host.SendAsync(User("chat", "script", Encoding.UTF8.GetBytes(returned), "text/plain"));
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(body));
            var seen = (Newtonsoft.Json.Linq.JObject)Seen.Values["script"]!;
            Assert.That(seen["connectionContext"]!["connectionId"]!.ToString(), Is.EqualTo("conn-1"));
            Assert.That(seen["dataType"]!.ToString(), Is.EqualTo("Text"));
        }

        [Test]
        public async Task ScriptStatesAreWrittenAsJson()
        {
            var response = await _host.SendAsync(User("chat", "script", Encoding.UTF8.GetBytes("{\"data\":\"pong\",\"states\":{\"n\":{\"a\":1}}}"), "text/plain"));
            Assert.That(DecodeStates(response.Headers.GetValues("ce-connectionState").Single())["n"], Is.EqualTo("{\"a\":1}"));
        }

        [Test]
        public async Task TopLevelBindingDataWorksInOtherBindingsExpressions()
        {
            var response = await _host.SendAsync(User("chat", "bindingData", Encoding.UTF8.GetBytes("x"), "text/plain"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var connection = (WebPubSubConnection)Seen.Values["bindingData.connection"]!;
            Assert.That(connection.BaseUri.AbsolutePath, Is.EqualTo("/client/hubs/chat"));
            var token = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().ReadJwtToken(connection.AccessToken);
            Assert.That(token.Subject, Is.EqualTo("user-1"));
            Assert.That(Seen.Values["bindingData.eventName"], Is.EqualTo("bindingData"));
        }

        [Test]
        public async Task ScriptsSeeStatesAsRealJson()
        {
            var states = EncodeStates(new Dictionary<string, string> { ["profile"] = "{\"age\":3}", ["plain"] = "not json" });
            await _host.SendAsync(User("chat", "script", Encoding.UTF8.GetBytes("{}"), "text/plain",
                new Dictionary<string, string?> { ["ce-connectionState"] = states }));
            var seen = (Newtonsoft.Json.Linq.JObject)Seen.Values["script"]!;
            Assert.That(seen["connectionContext"]!["states"]!["profile"]!["age"]!.Value<int>(), Is.EqualTo(3));
            Assert.That(seen["connectionContext"]!["states"]!["plain"]!.Value<string>(), Is.EqualTo("not json"));
        }

        [Test]
        public async Task DisconnectedBindsReason()
        {
            var response = await _host.SendAsync(Disconnected("chat", "client closed"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(((DisconnectedEventRequest)Seen.Values["disconnected"]!).Reason, Is.EqualTo("client closed"));
            Assert.That(Seen.Values["disconnected.reason"], Is.EqualTo("client closed"));
        }

        [Test]
        public async Task GroupPresenceJoinedReachesItsFunction()
        {
            var response = await _host.SendAsync(Event("chat", "azure.webpubsub.gp.joined", "joined", Json("{\"group\":\"room\"}")));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(((JoinedGroupEventRequest)Seen.Values["joined"]!).Group, Is.EqualTo("room"));
        }

        [Test]
        public async Task UnknownCloudEventTypeIs400()
        {
            var response = await _host.SendAsync(Event("chat", "com.example.other", "connected", Json("{}")));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        private static Dictionary<string, string?> MqttHeaders() => new()
        {
            ["ce-subprotocol"] = "mqtt",
            ["ce-physicalConnectionId"] = "phys-1",
        };

        private static HttpRequestMessage MqttConnect(string username) => Connect("mqtthub",
            "{\"claims\":{},\"query\":{},\"headers\":{},\"subprotocols\":[\"mqtt\"],\"clientCertificates\":[{\"thumbprint\":\"abc\",\"content\":\"pem\"}]," +
            $"\"mqtt\":{{\"protocolVersion\":4,\"username\":\"{username}\",\"password\":\"cGFzcw==\",\"userProperties\":[{{\"name\":\"a\",\"value\":\"b\"}}]}}}}",
            MqttHeaders());

        [Test]
        public async Task MqttConnectIsParsedAndAccepted()
        {
            var response = await _host.SendAsync(MqttConnect("good"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            var request = (MqttConnectEventRequest)Seen.Values["mqtt.connect"]!;
            Assert.That(request.Mqtt.ProtocolVersion, Is.EqualTo(MqttProtocolVersion.V311));
            Assert.That(request.Mqtt.UserProperties![0].Name, Is.EqualTo("a"));
            Assert.That(request.ClientCertificates![0].Thumbprint, Is.EqualTo("abc"));
            Assert.That(((MqttConnectionContext)request.ConnectionContext).PhysicalConnectionId, Is.EqualTo("phys-1"));
            Assert.That(Seen.Values["mqtt.context"], Is.InstanceOf<MqttConnectionContext>(), "WebPubSubConnectionContext parameters get MQTT contexts too");
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.That(json.RootElement.GetProperty("userId").GetString(), Is.EqualTo("mqtt-user"));
            Assert.That(json.RootElement.GetProperty("subprotocol").GetString(), Is.EqualTo("mqtt"));
        }

        [Test]
        public async Task MqttConnectRejectionIsMqttErrorJson()
        {
            var response = await _host.SendAsync(MqttConnect("bad"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.That(json.RootElement.GetProperty("mqtt").GetProperty("code").GetInt32(), Is.EqualTo(5));
            Assert.That(json.RootElement.GetProperty("mqtt").GetProperty("reason").GetString(), Is.EqualTo("not authorized"));
        }

        [Test]
        public async Task MqttConnectFunctionThatThrowsGetsTheMqttServerErrorJson()
        {
            var response = await _host.SendAsync(MqttConnect("throw"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.That(json.RootElement.GetProperty("mqtt").GetProperty("code").GetInt32(), Is.EqualTo((int)MqttV311ConnectReturnCode.ServerUnavailable));
            Assert.That(json.RootElement.GetProperty("mqtt").GetProperty("reason").GetString(), Does.Contain("broker down"));
        }

        [Test]
        public async Task MqttEventsDoNotReachWebPubSubOnlyFunctions()
        {
            var response = await _host.SendAsync(Connect("mqtthub"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        [Test]
        public void SecretsNeverReachTheLog()
        {
            Assert.That(_host.Logs.AllText, Does.Not.Contain(AccessKey));
        }
    }
}
