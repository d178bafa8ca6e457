using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace WebPubSubStandIn.Tests
{
    [TestFixture]
    public class UpstreamTests
    {
        private FakeUpstream _upstream = null!;
        private StandInHost _host = null!;

        [OneTimeSetUp]
        public async Task StartAsync()
        {
            _upstream = new FakeUpstream();
            _host = await StandInHost.StartAsync(new Dictionary<string, string>
            {
                ["StandIn:Hubs:*:UrlTemplate"] = _upstream.Url,
                ["StandIn:Hubs:*:UserEventPattern"] = "*",
            });
        }

        [OneTimeTearDown]
        public async Task StopAsync()
        {
            await _host.DisposeAsync();
            _upstream.Dispose();
        }

        [SetUp]
        public void ResetResponder() => _upstream.Responder = _ => new UpstreamAnswer();

        private static string Signature(string key, string connectionId)
            => "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(connectionId))).ToLowerInvariant();

        private void AssertCloudEvent(UpstreamRequest request, string hub, string connectionId, string type, string eventName, string? userId)
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Url.AbsolutePath, Is.EqualTo($"/upstream/{hub}/{eventName}"));
            Assert.That(request.Header("ce-specversion"), Is.EqualTo("1.0"));
            Assert.That(request.Header("ce-awpsversion"), Is.EqualTo("1.0"));
            Assert.That(request.Header("ce-type"), Is.EqualTo(type));
            Assert.That(request.Header("ce-source"), Is.EqualTo($"/hubs/{hub}/client/{connectionId}"));
            Assert.That(request.Header("ce-id"), Is.Not.Null.And.Not.Empty);
            Assert.That(DateTimeOffset.TryParse(request.Header("ce-time"), out _), Is.True);
            Assert.That(request.Header("ce-hub"), Is.EqualTo(hub));
            Assert.That(request.Header("ce-connectionId"), Is.EqualTo(connectionId));
            Assert.That(request.Header("ce-eventName"), Is.EqualTo(eventName));
            Assert.That(request.Header("ce-userId"), Is.EqualTo(userId));
            Assert.That(request.Header("ce-signature"), Is.EqualTo(Signature(_host.AccessKey, connectionId)));
            Assert.That(request.Header("WebHook-Request-Origin"), Is.EqualTo("localhost"));
        }

        [Test]
        public async Task AbuseProtectionThenSignedLifecycleEvents()
        {
            using var client = await _host.ConnectJsonAsync("lifecycle", "lee");
            var id = client.ConnectionId;

            var options = _upstream.Requests.Single(r => r.Method == "OPTIONS" && r.Url.AbsolutePath.StartsWith("/upstream/lifecycle/"));
            Assert.That(options.Url.AbsolutePath, Is.EqualTo("/upstream/lifecycle/validate"));
            Assert.That(options.Header("WebHook-Request-Origin"), Is.EqualTo("localhost"));
            Assert.That(options.Header("ce-awpsversion"), Is.EqualTo("1.0"));

            var connect = await _upstream.WaitForEventAsync(id, "connect");
            AssertCloudEvent(connect, "lifecycle", id, "azure.webpubsub.sys.connect", "connect", "lee");
            Assert.That(connect.Header("ce-subprotocol"), Is.Null, "no subprotocol is chosen before connect");
            Assert.That(connect.Header("ce-id"), Is.EqualTo("0"));
            Assert.That(connect.Header("Content-Type"), Does.StartWith("application/json"));
            var body = JsonDocument.Parse(connect.Body).RootElement;
            Assert.That(body.GetProperty("claims").GetProperty("sub")[0].GetString(), Is.EqualTo("lee"));
            Assert.That(body.GetProperty("query").GetProperty("access_token").GetArrayLength(), Is.EqualTo(1));
            Assert.That(body.GetProperty("headers").EnumerateObject().Any(), Is.True);
            Assert.That(body.GetProperty("subprotocols")[0].GetString(), Is.EqualTo("json.webpubsub.azure.v1"));
            Assert.That(body.GetProperty("clientCertificates").GetArrayLength(), Is.EqualTo(0));
            Assert.That(_upstream.Requests.ToList().IndexOf(options), Is.LessThan(_upstream.Requests.ToList().IndexOf(connect)));

            var connected = await _upstream.WaitForEventAsync(id, "connected");
            AssertCloudEvent(connected, "lifecycle", id, "azure.webpubsub.sys.connected", "connected", "lee");
            Assert.That(connected.Header("ce-subprotocol"), Is.EqualTo("json.webpubsub.azure.v1"));

            _upstream.Responder = r => r.EventName == "hello"
                ? new UpstreamAnswer { Status = 200, ContentType = "application/json", Body = "{\"reply\":true}" }
                : new UpstreamAnswer();
            await client.SendJsonAsync(new { type = "event", @event = "hello", dataType = "text", data = "hi there", ackId = 1 });
            var reply = await client.ReceiveJsonAsync();
            Assert.That(reply.GetProperty("type").GetString(), Is.EqualTo("message"));
            Assert.That(reply.GetProperty("from").GetString(), Is.EqualTo("server"));
            Assert.That(reply.GetProperty("dataType").GetString(), Is.EqualTo("json"));
            Assert.That(reply.GetProperty("data").GetProperty("reply").GetBoolean(), Is.True);
            Assert.That((await client.ReceiveJsonAsync()).GetProperty("success").GetBoolean(), Is.True);
            var userEvent = await _upstream.WaitForEventAsync(id, "hello");
            AssertCloudEvent(userEvent, "lifecycle", id, "azure.webpubsub.user.hello", "hello", "lee");
            Assert.That(userEvent.Header("Content-Type"), Does.StartWith("text/plain"));
            Assert.That(userEvent.BodyText, Is.EqualTo("hi there"));

            await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", default);
            var disconnected = await _upstream.WaitForEventAsync(id, "disconnected");
            AssertCloudEvent(disconnected, "lifecycle", id, "azure.webpubsub.sys.disconnected", "disconnected", "lee");
            Assert.That(JsonDocument.Parse(disconnected.Body).RootElement.TryGetProperty("reason", out _), Is.True);
            Assert.That(_upstream.Requests.Count(r => r.Method == "OPTIONS" && r.Url.AbsolutePath.StartsWith("/upstream/lifecycle/")), Is.EqualTo(1));
        }

        [Test]
        public async Task ConnectRejectionStatusReachesTheClient()
        {
            _upstream.Responder = r => r.EventName == "connect" ? new UpstreamAnswer { Status = 401, Body = "no" } : new UpstreamAnswer();
            using var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_host.ClientUrl("reject", _host.ClientToken("reject", "rex")), default));
            Assert.That((int)socket.HttpStatusCode, Is.EqualTo(401));
            await Task.Delay(100);
            Assert.That(_upstream.Requests.Any(r => r.Header("ce-hub") == "reject" && r.EventName != "connect"), Is.False, "no connected/disconnected after a rejected connect");
        }

        [Test]
        public async Task ConnectResponseOverridesUserIdGroupsAndRoles()
        {
            _upstream.Responder = r => r.EventName == "connect"
                ? new UpstreamAnswer { Status = 200, ContentType = "application/json", Body = "{\"userId\":\"override\",\"groups\":[\"vip\"],\"roles\":[\"webpubsub.sendToGroup.vip\"]}" }
                : new UpstreamAnswer();
            using var client = await _host.ConnectAsync(_host.ClientUrl("overrides", _host.ClientToken("overrides", "original", new[] { "webpubsub.joinLeaveGroup" })), "json.webpubsub.azure.v1");
            var connected = await client.ReceiveJsonAsync();
            Assert.That(connected.GetProperty("userId").GetString(), Is.EqualTo("override"));
            var id = connected.GetProperty("connectionId").GetString()!;

            await client.SendJsonAsync(new { type = "sendToGroup", group = "vip", dataType = "text", data = "to vip", ackId = 1 });
            Assert.That((await client.ReceiveJsonAsync()).GetProperty("data").GetString(), Is.EqualTo("to vip"), "joined the connect response's group");
            Assert.That((await client.ReceiveJsonAsync()).GetProperty("success").GetBoolean(), Is.True);
            await client.SendJsonAsync(new { type = "joinGroup", group = "other", ackId = 2 });
            Assert.That((await client.ReceiveJsonAsync()).GetProperty("success").GetBoolean(), Is.False, "roles were replaced");

            Assert.That((await _upstream.WaitForEventAsync(id, "connected")).Header("ce-userId"), Is.EqualTo("override"));
        }

        [Test]
        public async Task ConnectionStateRoundTrips()
        {
            _upstream.Responder = r => r.EventName switch
            {
                "connect" => new UpstreamAnswer { Status = 204, Headers = { ["ce-connectionState"] = "state-1" } },
                "bump" => new UpstreamAnswer { Status = 204, Headers = { ["ce-connectionState"] = "state-2" } },
                _ => new UpstreamAnswer(),
            };
            using var client = await _host.ConnectJsonAsync("states", "sue");
            var id = client.ConnectionId;
            Assert.That((await _upstream.WaitForEventAsync(id, "connected")).Header("ce-connectionState"), Is.EqualTo("state-1"));

            await client.SendJsonAsync(new { type = "event", @event = "bump", data = new { }, ackId = 1 });
            Assert.That((await client.ReceiveJsonAsync()).GetProperty("success").GetBoolean(), Is.True);
            Assert.That((await _upstream.WaitForEventAsync(id, "bump")).Header("ce-connectionState"), Is.EqualTo("state-1"));
            Assert.That((await _upstream.WaitForEventAsync(id, "bump")).Header("Content-Type"), Does.StartWith("application/json"));

            await client.SendJsonAsync(new { type = "event", @event = "after", data = 1, ackId = 2 });
            Assert.That((await client.ReceiveJsonAsync()).GetProperty("success").GetBoolean(), Is.True);
            Assert.That((await _upstream.WaitForEventAsync(id, "after")).Header("ce-connectionState"), Is.EqualTo("state-2"));
        }

        [Test]
        public async Task SimpleClientFramesAreMessageEventsAndRepliesComeBack()
        {
            _upstream.Responder = r => r.EventName == "message"
                ? (r.Header("Content-Type")!.StartsWith("text/plain")
                    ? new UpstreamAnswer { Status = 200, ContentType = "text/plain; charset=utf-8", Body = "echo:" + r.BodyText }
                    : new UpstreamAnswer { Status = 200, ContentType = "application/octet-stream", Body = "bin" })
                : new UpstreamAnswer();
            using var client = await _host.ConnectAsync(_host.ClientUrl("simple", _host.ClientToken("simple", "sid")));
            await client.SendTextAsync("ping me");
            var (type, data) = await client.ReceiveAsync();
            Assert.That(type, Is.EqualTo(WebSocketMessageType.Text));
            Assert.That(Encoding.UTF8.GetString(data), Is.EqualTo("echo:ping me"));

            await client.SendBinaryAsync(new byte[] { 1, 2 });
            var (binaryType, binary) = await client.ReceiveAsync();
            Assert.That(binaryType, Is.EqualTo(WebSocketMessageType.Binary));
            Assert.That(Encoding.UTF8.GetString(binary), Is.EqualTo("bin"));

            var message = await _upstream.WaitForAsync(r => r.Header("ce-hub") == "simple" && r.EventName == "message" && r.Header("Content-Type")!.StartsWith("application/octet-stream"));
            Assert.That(message.Body, Is.EqualTo(new byte[] { 1, 2 }));
            Assert.That(message.Header("ce-type"), Is.EqualTo("azure.webpubsub.user.message"));
            Assert.That(message.Header("ce-subprotocol"), Is.Null);
        }

        [Test]
        public async Task FailedUserEventGivesFailedAckOrCloses()
        {
            _upstream.Responder = r => r.EventName == "boom" ? new UpstreamAnswer { Status = 500, Body = "bad" } : new UpstreamAnswer();
            using var client = await _host.ConnectJsonAsync("failing", "fay");
            await client.SendJsonAsync(new { type = "event", @event = "boom", dataType = "text", data = "x", ackId = 3 });
            var ack = await client.ReceiveJsonAsync();
            Assert.That(ack.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(ack.GetProperty("error").GetProperty("name").GetString(), Is.EqualTo("InternalServerError"));

            await client.SendJsonAsync(new { type = "event", @event = "boom", dataType = "text", data = "x" });
            Assert.That((await client.ReceiveJsonAsync()).GetProperty("event").GetString(), Is.EqualTo("disconnected"));
            var (type, _) = await client.ReceiveAsync();
            Assert.That(type, Is.EqualTo(WebSocketMessageType.Close));
            Assert.That(client.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.InternalServerError));
        }

        [Test]
        public async Task FailedMessageEventClosesSimpleClientWith1011()
        {
            _upstream.Responder = r => r.EventName == "message" ? new UpstreamAnswer { Status = 400 } : new UpstreamAnswer();
            using var client = await _host.ConnectAsync(_host.ClientUrl("simplefail", _host.ClientToken("simplefail", "sf")));
            await client.SendTextAsync("x");
            var (type, _) = await client.ReceiveAsync();
            Assert.That(type, Is.EqualTo(WebSocketMessageType.Close));
            Assert.That(client.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.InternalServerError));
        }

        [Test]
        public async Task RestCloseReasonReachesTheDisconnectedEvent()
        {
            using var client = await _host.ConnectJsonAsync("restclose", "rc");
            using (await _host.RestAsync(HttpMethod.Delete, $"/api/hubs/restclose/connections/{client.ConnectionId}?api-version=2024-12-01&reason=kicked"))
            {
            }
            var disconnected = await _upstream.WaitForEventAsync(client.ConnectionId, "disconnected");
            Assert.That(JsonDocument.Parse(disconnected.Body).RootElement.GetProperty("reason").GetString(), Is.EqualTo("kicked"));
        }

        [Test]
        public async Task FailedAbuseProtectionFailsEvents()
        {
            using var upstream = new FakeUpstream { AllowedOrigin = "someone-else.example" };
            await using var host = await StandInHost.StartAsync(new Dictionary<string, string> { ["StandIn:Hubs:chat:UrlTemplate"] = upstream.Url });
            using var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(host.ClientUrl("chat", host.ClientToken("chat", "u")), default));
            Assert.That((int)socket.HttpStatusCode, Is.EqualTo(500));
            Assert.That(upstream.Requests.All(r => r.Method == "OPTIONS"), Is.True, "no event after a failed validation");
        }

        [Test]
        public async Task UpstreamTimeoutFailsTheEvent()
        {
            using var upstream = new FakeUpstream();
            upstream.Responder = r =>
            {
                if (r.EventName == "slow")
                {
                    System.Threading.Thread.Sleep(1500);
                }
                return new UpstreamAnswer();
            };
            await using var host = await StandInHost.StartAsync(new Dictionary<string, string>
            {
                ["StandIn:Hubs:chat:UrlTemplate"] = upstream.Url,
                ["StandIn:UpstreamTimeoutSeconds"] = "0.5",
            });
            using var client = await host.ConnectJsonAsync("chat", "u");
            await client.SendJsonAsync(new { type = "event", @event = "slow", data = 1, ackId = 1 });
            var ack = await client.ReceiveJsonAsync();
            Assert.That(ack.GetProperty("error").GetProperty("name").GetString(), Is.EqualTo("InternalServerError"));
        }
    }
}
