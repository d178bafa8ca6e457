using System;
using System.Net.WebSockets;
using System.Threading.Tasks;
using NUnit.Framework;

namespace WebPubSubStandIn.Tests
{
    [TestFixture]
    public class ClientConnectionTests
    {
        private StandInHost _host = null!;

        [OneTimeSetUp]
        public async Task StartAsync() => _host = await StandInHost.StartAsync();

        [OneTimeTearDown]
        public async Task StopAsync() => await _host.DisposeAsync();

        private async Task<int> UpgradeStatusAsync(Uri url, Action<ClientWebSocketOptions>? configure = null)
        {
            using var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            configure?.Invoke(socket.Options);
            Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, default));
            await Task.CompletedTask;
            return (int)socket.HttpStatusCode;
        }

        [Test]
        public async Task UpgradeWithoutTokenIs401()
            => Assert.That(await UpgradeStatusAsync(_host.ClientUrl("chat", null)), Is.EqualTo(401));

        [Test]
        public async Task TokenSignedWithAnotherKeyIs401()
        {
            var token = Jwt.Create(_host.AccessKey, _host.BaseUrl + "/client/hubs/chat", "u1", signingKey: "another-key-that-is-long-enough-for-hs256!");
            Assert.That(await UpgradeStatusAsync(_host.ClientUrl("chat", token)), Is.EqualTo(401));
        }

        [Test]
        public async Task TokenForAnotherHubIs401()
        {
            var token = _host.ClientToken("other", "u1");
            Assert.That(await UpgradeStatusAsync(_host.ClientUrl("chat", token)), Is.EqualTo(401));
        }

        [Test]
        public async Task ExpiredTokenIs401()
        {
            var token = Jwt.Create(_host.AccessKey, _host.BaseUrl + "/client/hubs/chat", "u1", lifetime: TimeSpan.FromMinutes(-10));
            Assert.That(await UpgradeStatusAsync(_host.ClientUrl("chat", token)), Is.EqualTo(401));
        }

        [Test]
        public async Task UnknownSubprotocolIsRefusedWith400()
        {
            var url = _host.ClientUrl("chat", _host.ClientToken("chat", "u1"));
            Assert.That(await UpgradeStatusAsync(url, o => o.AddSubProtocol("protobuf.webpubsub.azure.v1")), Is.EqualTo(400));
        }

        [Test]
        public async Task ReliableClientsGetSequenceIdsAndRecoveryIsRefusedWith1008()
        {
            var token = _host.ClientToken("chat", "rel", new[] { "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup" });
            using var client = await _host.ConnectAsync(_host.ClientUrl("chat", token), "json.reliable.webpubsub.azure.v1");
            Assert.That(client.Socket.SubProtocol, Is.EqualTo("json.reliable.webpubsub.azure.v1"));
            var connected = await client.ReceiveJsonAsync();
            Assert.That(connected.GetProperty("reconnectionToken").GetString(), Is.Not.Empty);
            var id = connected.GetProperty("connectionId").GetString();

            await client.SendJsonAsync(new { type = "joinGroup", group = "r", ackId = 1 });
            Assert.That((await client.ReceiveJsonAsync()).TryGetProperty("sequenceId", out _), Is.False, "acks carry no sequenceId");
            for (ulong expected = 1; expected <= 2; expected++)
            {
                await client.SendJsonAsync(new { type = "sendToGroup", group = "r", dataType = "text", data = "m" });
                Assert.That((await client.ReceiveJsonAsync()).GetProperty("sequenceId").GetUInt64(), Is.EqualTo(expected));
            }
            await client.SendJsonAsync(new { type = "sequenceAck", sequenceId = 2 });

            var recoveryUrl = new Uri(_host.ClientUrl("chat", token) + $"&awps_connection_id={id}&awps_reconnection_token=x");
            using var recovery = await _host.ConnectAsync(recoveryUrl, "json.reliable.webpubsub.azure.v1");
            var (type, _) = await recovery.ReceiveAsync();
            Assert.That(type, Is.EqualTo(WebSocketMessageType.Close));
            Assert.That(recovery.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.PolicyViolation));
        }

        [Test]
        public async Task AudienceIgnoresCaseAndTrailingSlashAndBearerHeaderWorks()
        {
            var token = Jwt.Create(_host.AccessKey, (_host.BaseUrl + "/client/hubs/Chat/").ToUpperInvariant(), "u1");
            using var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
            socket.Options.AddSubProtocol("json.webpubsub.azure.v1");
            await socket.ConnectAsync(_host.ClientUrl("Chat", null), default);
            using var client = new TestClient(socket);
            var connected = await client.ReceiveJsonAsync();
            Assert.That(socket.SubProtocol, Is.EqualTo("json.webpubsub.azure.v1"));
            Assert.That(connected.GetProperty("type").GetString(), Is.EqualTo("system"));
            Assert.That(connected.GetProperty("event").GetString(), Is.EqualTo("connected"));
            Assert.That(connected.GetProperty("userId").GetString(), Is.EqualTo("u1"));
            Assert.That(connected.GetProperty("connectionId").GetString(), Is.Not.Empty);
        }

        [Test]
        public async Task AnonymousConnectedMessageHasNullUserIdOnTheQueryHubRoute()
        {
            var url = new Uri($"ws://localhost:{_host.Port}/client/?hub=chat&access_token={_host.ClientToken("chat")}");
            using var client = await _host.ConnectAsync(url, "json.webpubsub.azure.v1");
            var connected = await client.ReceiveJsonAsync();
            Assert.That(connected.GetProperty("userId").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        }

        [Test]
        public async Task ShortAccessKeysWork()
        {
            await using var host = await StandInHost.StartAsync(key: "short");
            using var client = await host.ConnectJsonAsync("chat", "u1");
            Assert.That(client.ConnectionId, Is.Not.Empty);
            Assert.That(await UpgradeStatusAsync(host.ClientUrl("chat", Jwt.Create("short", host.BaseUrl + "/client/hubs/chat", signingKey: "shorx"))), Is.EqualTo(401));
        }
    }
}
