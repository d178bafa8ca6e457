using System;
using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace WebPubSubStandIn.Tests
{
    [TestFixture]
    public class RestApiTests
    {
        private const string Version = "api-version=2024-12-01";
        private StandInHost _host = null!;

        [OneTimeSetUp]
        public async Task StartAsync() => _host = await StandInHost.StartAsync();

        [OneTimeTearDown]
        public async Task StopAsync() => await _host.DisposeAsync();

        private static StringContent Text(string text) => new StringContent(text, Encoding.UTF8, "text/plain");

        private static StringContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

        [Test]
        public async Task MissingOrWrongTokenIs401()
        {
            using var anonymous = await _host.Http.PostAsync($"/api/hubs/chat/:send?{Version}", Text("x"));
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            using var wrongAudience = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/chat/:send?{Version}", Text("x"), audience: _host.BaseUrl + "/api/hubs/other/:send");
            Assert.That(wrongAudience.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            var body = JsonDocument.Parse(await wrongAudience.Content.ReadAsStringAsync()).RootElement;
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("Error.Unauthorized"));
        }

        [Test]
        public async Task AudienceWithoutQueryIsAccepted()
        {
            using var response = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/chat/:send?{Version}", Text("x"), audience: _host.BaseUrl + "/API/hubs/chat/:send");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }

        [Test]
        public async Task SendToAllReachesSimpleAndJsonClients()
        {
            using var simple = await _host.ConnectAsync(_host.ClientUrl("sendall", _host.ClientToken("sendall", "s")));
            using var json = await _host.ConnectJsonAsync("sendall", "j");
            using var response = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/sendall/:send?{Version}", Text("hello all"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

            var (type, data) = await simple.ReceiveAsync();
            Assert.That(type, Is.EqualTo(WebSocketMessageType.Text));
            Assert.That(Encoding.UTF8.GetString(data), Is.EqualTo("hello all"));
            var message = await json.ReceiveJsonAsync();
            Assert.That(message.GetProperty("from").GetString(), Is.EqualTo("server"));
            Assert.That(message.GetProperty("dataType").GetString(), Is.EqualTo("text"));
            Assert.That(message.GetProperty("data").GetString(), Is.EqualTo("hello all"));
        }

        [Test]
        public async Task SendToUserConnectionAndGroupWithExcluded()
        {
            using var a = await _host.ConnectJsonAsync("targets", "ann");
            using var b = await _host.ConnectJsonAsync("targets", "ben");
            using var simple = await _host.ConnectAsync(_host.ClientUrl("targets", _host.ClientToken("targets", "sam")));

            using (var r = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/targets/users/ann/:send?{Version}", Json("{\"n\":1}")))
            {
                Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            }
            var toUser = await a.ReceiveJsonAsync();
            Assert.That(toUser.GetProperty("dataType").GetString(), Is.EqualTo("json"));
            Assert.That(toUser.GetProperty("data").GetProperty("n").GetInt32(), Is.EqualTo(1));

            var binary = new ByteArrayContent(new byte[] { 9, 8 });
            binary.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            using (var r = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/targets/connections/{b.ConnectionId}/:send?{Version}", binary))
            {
                Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            }
            Assert.That((await b.ReceiveJsonAsync()).GetProperty("data").GetBytesFromBase64(), Is.EqualTo(new byte[] { 9, 8 }));

            foreach (var id in new[] { a.ConnectionId, b.ConnectionId })
            {
                using var add = await _host.RestAsync(HttpMethod.Put, $"/api/hubs/targets/groups/team/connections/{id}?{Version}");
                Assert.That(add.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
            using (var r = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/targets/groups/team/:send?{Version}&excluded={a.ConnectionId}", Text("team")))
            {
                Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            }
            var group = await b.ReceiveJsonAsync();
            Assert.That(group.GetProperty("from").GetString(), Is.EqualTo("group"));
            Assert.That(group.GetProperty("group").GetString(), Is.EqualTo("team"));
            Assert.That(group.GetProperty("data").GetString(), Is.EqualTo("team"));

            // a was excluded: its next message is what we send now.
            using (var r = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/targets/connections/{a.ConnectionId}/:send?{Version}", Text("after")))
            {
                Assert.That((await a.ReceiveJsonAsync()).GetProperty("data").GetString(), Is.EqualTo("after"));
            }
        }

        [Test]
        public async Task InvalidJsonAndUnsupportedContentTypeAreRejected()
        {
            using var badJson = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/chat/:send?{Version}", Json("{nope"));
            Assert.That(badJson.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(JsonDocument.Parse(await badJson.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString(), Is.EqualTo("Error.BadRequest"));
            using var xml = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/chat/:send?{Version}", new StringContent("<x/>", Encoding.UTF8, "application/xml"));
            Assert.That(xml.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        }

        [Test]
        public async Task MembershipAndExistsOperations()
        {
            using var client = await _host.ConnectJsonAsync("members", "mia");
            async Task<HttpStatusCode> Status(HttpMethod method, string path)
            {
                using var response = await _host.RestAsync(method, path + (path.Contains('?') ? "&" : "?") + Version);
                return response.StatusCode;
            }

            Assert.That(await Status(HttpMethod.Head, $"/api/hubs/members/connections/{client.ConnectionId}"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status(HttpMethod.Head, "/api/hubs/members/connections/nope"), Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await Status(HttpMethod.Head, "/api/hubs/members/users/mia"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status(HttpMethod.Head, "/api/hubs/members/users/nobody"), Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await Status(HttpMethod.Head, "/api/hubs/members/groups/g1"), Is.EqualTo(HttpStatusCode.NotFound));

            Assert.That(await Status(HttpMethod.Put, "/api/hubs/members/users/mia/groups/g1"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status(HttpMethod.Head, "/api/hubs/members/groups/g1"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status(HttpMethod.Delete, "/api/hubs/members/users/mia/groups/g1"), Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Status(HttpMethod.Head, "/api/hubs/members/groups/g1"), Is.EqualTo(HttpStatusCode.NotFound));

            Assert.That(await Status(HttpMethod.Put, $"/api/hubs/members/groups/g2/connections/{client.ConnectionId}"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status(HttpMethod.Put, "/api/hubs/members/groups/g2/connections/nope"), Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await Status(HttpMethod.Delete, $"/api/hubs/members/connections/{client.ConnectionId}/groups"), Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await Status(HttpMethod.Head, "/api/hubs/members/groups/g2"), Is.EqualTo(HttpStatusCode.NotFound));
        }

        [Test]
        public async Task AddToGroupsWithFilter()
        {
            using var mia = await _host.ConnectJsonAsync("bulk", "mia");
            using var max = await _host.ConnectJsonAsync("bulk", "max");
            using (var r = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/bulk/:addToGroups?{Version}", Json("{\"groups\":[\"a\",\"b\"],\"filter\":\"userId eq 'MIA'\"}")))
            {
                Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
            using (var r = await _host.RestAsync(HttpMethod.Get, $"/api/hubs/bulk/groups/b/connections?{Version}"))
            {
                var value = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("value");
                Assert.That(value.GetArrayLength(), Is.EqualTo(1));
                Assert.That(value[0].GetProperty("connectionId").GetString(), Is.EqualTo(mia.ConnectionId));
            }
            using (var r = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/bulk/:removeFromGroups?{Version}", Json("{\"groups\":[\"a\"],\"filter\":\"'a' in groups and not (connectionId eq 'x')\"}")))
            {
                Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
            using (var r = await _host.RestAsync(HttpMethod.Head, $"/api/hubs/bulk/groups/a?{Version}"))
            {
                Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            }
            using (var r = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/bulk/:addToGroups?{Version}", Json("{\"groups\":[\"a\"],\"filter\":\"startswith(userId, 'm')\"}")))
            {
                Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That(await r.Content.ReadAsStringAsync(), Does.Contain("not supported"));
            }
        }

        [Test]
        public async Task PermissionsGrantCheckRevoke()
        {
            using var client = await _host.ConnectJsonAsync("perms", "pat");
            string path = $"/api/hubs/perms/permissions/joinLeaveGroup/connections/{client.ConnectionId}?{Version}&targetName=room";
            using (var r = await _host.RestAsync(HttpMethod.Head, path)) { Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.NotFound)); }
            using (var r = await _host.RestAsync(HttpMethod.Put, path)) { Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK)); }
            using (var r = await _host.RestAsync(HttpMethod.Head, path)) { Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK)); }

            await client.SendJsonAsync(new { type = "joinGroup", group = "room", ackId = 1 });
            Assert.That((await client.ReceiveJsonAsync()).GetProperty("success").GetBoolean(), Is.True);

            using (var r = await _host.RestAsync(HttpMethod.Delete, path)) { Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.NoContent)); }
            using (var r = await _host.RestAsync(HttpMethod.Head, path)) { Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.NotFound)); }
            using (var r = await _host.RestAsync(HttpMethod.Put, $"/api/hubs/perms/permissions/joinLeaveGroup/connections/{client.ConnectionId}?{Version}"))
            {
                Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "targetName is required");
            }
        }

        [Test]
        public async Task CloseConnectionWithReasonSendsDisconnectedThenCloses()
        {
            using var client = await _host.ConnectJsonAsync("closing", "cal");
            using (var r = await _host.RestAsync(HttpMethod.Delete, $"/api/hubs/closing/connections/{client.ConnectionId}?{Version}&reason=bye%20now"))
            {
                Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            }
            var disconnected = await client.ReceiveJsonAsync();
            Assert.That(disconnected.GetProperty("type").GetString(), Is.EqualTo("system"));
            Assert.That(disconnected.GetProperty("event").GetString(), Is.EqualTo("disconnected"));
            Assert.That(disconnected.GetProperty("message").GetString(), Is.EqualTo("bye now"));
            var (type, _) = await client.ReceiveAsync();
            Assert.That(type, Is.EqualTo(WebSocketMessageType.Close));
        }

        [Test]
        public async Task CloseUserAndGroupConnections()
        {
            using var u = await _host.ConnectJsonAsync("closeall", "u", groups: new[] { "g" });
            using var keep = await _host.ConnectJsonAsync("closeall", "keep", groups: new[] { "g" });
            using (var r = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/closeall/groups/g/:closeConnections?{Version}&excluded={keep.ConnectionId}&reason=r"))
            {
                Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            }
            Assert.That((await u.ReceiveJsonAsync()).GetProperty("event").GetString(), Is.EqualTo("disconnected"));
            await keep.SendJsonAsync(new { type = "ping" });
            Assert.That((await keep.ReceiveJsonAsync()).GetProperty("type").GetString(), Is.EqualTo("pong"));

            using (var r = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/closeall/users/keep/:closeConnections?{Version}"))
            {
                Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            }
            Assert.That((await keep.ReceiveJsonAsync()).GetProperty("event").GetString(), Is.EqualTo("disconnected"));
        }

        [Test]
        public async Task GenerateTokenGivesAWorkingClientToken()
        {
            using var r = await _host.RestAsync(HttpMethod.Post, $"/api/hubs/gen/:generateToken?{Version}&userId=gus&role=webpubsub.joinLeaveGroup&role=r2&group=g1&group=g2&minutesToExpire=5");
            Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var token = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
            var payload = Jwt.Payload(token);
            Assert.That(payload.GetProperty("aud").GetString(), Is.EqualTo(_host.BaseUrl + "/client/hubs/gen"));
            Assert.That(payload.GetProperty("sub").GetString(), Is.EqualTo("gus"));
            Assert.That(payload.GetProperty("role").GetArrayLength(), Is.EqualTo(2));
            Assert.That(payload.GetProperty("webpubsub.group").GetArrayLength(), Is.EqualTo(2));

            using var client = await _host.ConnectAsync(_host.ClientUrl("gen", token), "json.webpubsub.azure.v1");
            Assert.That((await client.ReceiveJsonAsync()).GetProperty("userId").GetString(), Is.EqualTo("gus"));
            using var exists = await _host.RestAsync(HttpMethod.Head, $"/api/hubs/gen/groups/g2?{Version}");
            Assert.That(exists.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task HealthNeedsNoToken()
        {
            using var r = await _host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/health?{Version}"));
            Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }
}
