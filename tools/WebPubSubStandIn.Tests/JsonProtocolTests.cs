using System;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace WebPubSubStandIn.Tests
{
    [TestFixture]
    public class JsonProtocolTests
    {
        private static readonly string[] AllGroupRoles = { "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup" };
        private StandInHost _host = null!;

        [OneTimeSetUp]
        public async Task StartAsync() => _host = await StandInHost.StartAsync();

        [OneTimeTearDown]
        public async Task StopAsync() => await _host.DisposeAsync();

        private static async Task<JsonElement> AckAsync(TestClient client, ulong ackId)
        {
            var ack = await client.ReceiveJsonAsync();
            Assert.That(ack.GetProperty("type").GetString(), Is.EqualTo("ack"), ack.ToString());
            Assert.That(ack.GetProperty("ackId").GetUInt64(), Is.EqualTo(ackId));
            return ack;
        }

        private static async Task JoinAsync(TestClient client, string group, ulong ackId)
        {
            await client.SendJsonAsync(new { type = "joinGroup", group, ackId });
            Assert.That((await AckAsync(client, ackId)).GetProperty("success").GetBoolean(), Is.True);
        }

        [Test]
        public async Task PingIsAnsweredWithPong()
        {
            using var client = await _host.ConnectJsonAsync("chat", "u1");
            await client.SendJsonAsync(new { type = "ping" });
            Assert.That((await client.ReceiveJsonAsync()).GetProperty("type").GetString(), Is.EqualTo("pong"));
        }

        [Test]
        public async Task JoinWithoutPermissionIsForbidden()
        {
            using var client = await _host.ConnectJsonAsync("chat", "u1");
            await client.SendJsonAsync(new { type = "joinGroup", group = "g", ackId = 1 });
            var ack = await AckAsync(client, 1);
            Assert.That(ack.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(ack.GetProperty("error").GetProperty("name").GetString(), Is.EqualTo("Forbidden"));
        }

        [Test]
        public async Task GroupSuffixedRolesAllowOnlyThatGroup()
        {
            using var client = await _host.ConnectJsonAsync("chat", "u1", new[] { "webpubsub.joinLeaveGroup.room1", "webpubsub.sendToGroup.room1" });
            await JoinAsync(client, "room1", 1);
            await client.SendJsonAsync(new { type = "joinGroup", group = "room2", ackId = 2 });
            Assert.That((await AckAsync(client, 2)).GetProperty("error").GetProperty("name").GetString(), Is.EqualTo("Forbidden"));
            await client.SendJsonAsync(new { type = "sendToGroup", group = "room2", data = "x", dataType = "text", ackId = 3 });
            Assert.That((await AckAsync(client, 3)).GetProperty("error").GetProperty("name").GetString(), Is.EqualTo("Forbidden"));
        }

        [Test]
        public async Task SendToGroupReachesMembersInEveryDataType()
        {
            using var sender = await _host.ConnectJsonAsync("chat", "alice", AllGroupRoles);
            using var receiver = await _host.ConnectJsonAsync("chat", "bob", AllGroupRoles);
            await JoinAsync(receiver, "room", 1);

            await sender.SendJsonAsync(new { type = "sendToGroup", group = "room", data = new { text = "hi" }, ackId = 1 });
            Assert.That((await AckAsync(sender, 1)).GetProperty("success").GetBoolean(), Is.True);
            var json = await receiver.ReceiveJsonAsync();
            Assert.That(json.GetProperty("type").GetString(), Is.EqualTo("message"));
            Assert.That(json.GetProperty("from").GetString(), Is.EqualTo("group"));
            Assert.That(json.GetProperty("group").GetString(), Is.EqualTo("room"));
            Assert.That(json.GetProperty("fromUserId").GetString(), Is.EqualTo("alice"));
            Assert.That(json.GetProperty("dataType").GetString(), Is.EqualTo("json"));
            Assert.That(json.GetProperty("data").GetProperty("text").GetString(), Is.EqualTo("hi"));

            await sender.SendJsonAsync(new { type = "sendToGroup", group = "room", dataType = "text", data = "plain" });
            var text = await receiver.ReceiveJsonAsync();
            Assert.That(text.GetProperty("dataType").GetString(), Is.EqualTo("text"));
            Assert.That(text.GetProperty("data").GetString(), Is.EqualTo("plain"));

            await sender.SendJsonAsync(new { type = "sendToGroup", group = "room", dataType = "binary", data = Convert.ToBase64String(new byte[] { 1, 2, 3 }) });
            var binary = await receiver.ReceiveJsonAsync();
            Assert.That(binary.GetProperty("dataType").GetString(), Is.EqualTo("binary"));
            Assert.That(binary.GetProperty("data").GetBytesFromBase64(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        }

        [Test]
        public async Task NoEchoSkipsOnlyTheSender()
        {
            using var sender = await _host.ConnectJsonAsync("chat", "alice", AllGroupRoles);
            using var receiver = await _host.ConnectJsonAsync("chat", "bob", AllGroupRoles);
            await JoinAsync(sender, "echo", 1);
            await JoinAsync(receiver, "echo", 1);

            await sender.SendJsonAsync(new { type = "sendToGroup", group = "echo", dataType = "text", data = "quiet", noEcho = true });
            await sender.SendJsonAsync(new { type = "ping" });
            Assert.That((await sender.ReceiveJsonAsync()).GetProperty("type").GetString(), Is.EqualTo("pong"), "noEcho: the sender must not get its message");
            Assert.That((await receiver.ReceiveJsonAsync()).GetProperty("data").GetString(), Is.EqualTo("quiet"));

            await sender.SendJsonAsync(new { type = "sendToGroup", group = "echo", dataType = "text", data = "loud" });
            Assert.That((await sender.ReceiveJsonAsync()).GetProperty("data").GetString(), Is.EqualTo("loud"));
        }

        [Test]
        public async Task ReusedAckIdIsDuplicate()
        {
            using var client = await _host.ConnectJsonAsync("chat", "u1", AllGroupRoles);
            await JoinAsync(client, "dup", 7);
            await client.SendJsonAsync(new { type = "leaveGroup", group = "dup", ackId = 7 });
            var ack = await AckAsync(client, 7);
            Assert.That(ack.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(ack.GetProperty("error").GetProperty("name").GetString(), Is.EqualTo("Duplicate"));
        }

        [Test]
        public async Task TokenGroupsAreJoinedOnConnect()
        {
            using var sender = await _host.ConnectJsonAsync("chat", "alice", AllGroupRoles);
            using var receiver = await _host.ConnectJsonAsync("chat", "bob", groups: new[] { "tokengroup" });
            await sender.SendJsonAsync(new { type = "sendToGroup", group = "tokengroup", dataType = "text", data = "hello" });
            Assert.That((await receiver.ReceiveJsonAsync()).GetProperty("data").GetString(), Is.EqualTo("hello"));
        }

        [Test]
        public async Task EventWithoutHandlerGetsAFailedAck()
        {
            using var client = await _host.ConnectJsonAsync("chat", "u1");
            await client.SendJsonAsync(new { type = "event", @event = "hello", dataType = "text", data = "x", ackId = 5 });
            var ack = await AckAsync(client, 5);
            Assert.That(ack.GetProperty("success").GetBoolean(), Is.False);
        }

        [Test]
        public async Task BinaryFrameClosesWith1003()
        {
            using var client = await _host.ConnectJsonAsync("chat", "u1");
            await client.SendBinaryAsync(new byte[] { 1 });
            var (type, _) = await client.ReceiveAsync();
            Assert.That(type, Is.EqualTo(WebSocketMessageType.Text), "the disconnected system message comes first");
            var (closeType, _) = await client.ReceiveAsync();
            Assert.That(closeType, Is.EqualTo(WebSocketMessageType.Close));
            Assert.That(client.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.InvalidMessageType));
        }
    }
}
