using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.WebPubSub;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using Microsoft.IdentityModel.JsonWebTokens;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    public class ClientAccessTests
    {
        // ≥ 32 bytes so Microsoft.IdentityModel accepts it as an HS256 key.
        private const string Key = "0123456789abcdef0123456789abcdef-key";

        private static WebPubSubServiceClient Client(string endpoint, string hub = "testHub")
            => new(ConnectionStringParser.Parse($"Endpoint={endpoint};AccessKey={Key}"), hub, new WebPubSubServiceClientOptions { Transport = new MockTransport() });

        private static string Token(Uri uri) => uri.Query.Substring("?access_token=".Length);

        [TestCase("http://localhost;Port=8080", "ws://localhost:8080/client/hubs/testHub", "http://localhost:8080/client/hubs/testHub")]
        [TestCase("https://abc", "wss://abc/client/hubs/testHub", "https://abc/client/hubs/testHub")]
        [TestCase("https://abc:8443", "wss://abc:8443/client/hubs/testHub", "https://abc:8443/client/hubs/testHub")]
        [TestCase("http://localhost", "ws://localhost/client/hubs/testHub", "http://localhost/client/hubs/testHub")]
        [TestCase("https://proxy/base/", "wss://proxy/base/client/hubs/testHub", "https://proxy/base/client/hubs/testHub")]
        public async Task UrlAndAudienceFollowTheEndpoint(string endpoint, string expectedBase, string expectedAudience)
        {
            WebPubSubServiceClient client = Client(endpoint);
            Uri uri = await client.GetClientAccessUriAsync();
            Assert.That(uri.GetLeftPart(UriPartial.Path), Is.EqualTo(expectedBase));
            Assert.That(client.GetClientBaseUri().AbsoluteUri, Is.EqualTo(expectedBase));
            Assert.That(uri.Query, Does.StartWith("?access_token="));
            JsonElement payload = Jwt.AssertValid(Token(uri), Key, expectedAudience, TimeSpan.FromMinutes(60));
            Assert.That(payload.TryGetProperty("sub", out _), Is.False, "anonymous: no sub");
            Assert.That(payload.TryGetProperty("role", out _), Is.False);
            Assert.That(payload.TryGetProperty("webpubsub.group", out _), Is.False);
        }

        [TestCase(WebPubSubClientProtocol.Default)]
        [TestCase(WebPubSubClientProtocol.Mqtt)]
        [TestCase(WebPubSubClientProtocol.SocketIO)]
        public async Task ClientAccessPartsAgreeWithTheUrl(WebPubSubClientProtocol protocol)
        {
            WebPubSubServiceClient client = Client("https://abc", "my hub");
            ClientAccess access = await client.GetClientAccessAsync("u1", new[] { "r1" }, new[] { "g1" }, clientProtocol: protocol);

            Assert.That(access.Uri.GetLeftPart(UriPartial.Path), Is.EqualTo(access.BaseUri.AbsoluteUri));
            Assert.That(access.BaseUri, Is.SameAs(client.GetClientBaseUri(protocol)), "the base URL is built once per client");
            Assert.That(Token(access.Uri), Is.EqualTo(access.Token));
            Assert.That(access.ToString(), Does.Not.Contain(access.Token));
            var connection = new WebPubSubConnection(access.Uri);
            Assert.That((connection.BaseUri, connection.AccessToken), Is.EqualTo((access.BaseUri, access.Token)),
                "the public constructor, which parses the URL, agrees with the parts");
        }

        [TestCase(WebPubSubClientProtocol.Default, "client/hubs/chat")]
        [TestCase(WebPubSubClientProtocol.Mqtt, "clients/mqtt/hubs/chat")]
        [TestCase(WebPubSubClientProtocol.SocketIO, "clients/socketio/hubs/chat")]
        public async Task AudiencePerProtocol(WebPubSubClientProtocol protocol, string path)
        {
            Uri uri = await Client("https://svc.webpubsub.azure.com", "chat").GetClientAccessUriAsync(clientProtocol: protocol);
            Assert.That(uri.GetLeftPart(UriPartial.Path), Is.EqualTo("wss://svc.webpubsub.azure.com/" + path));
            Jwt.AssertValid(Token(uri), Key, "https://svc.webpubsub.azure.com/" + path, TimeSpan.FromMinutes(60));
        }

        [Test]
        public async Task ClaimsCarryUserRolesGroupsAndLifetime()
        {
            Uri uri = await Client("https://svc").GetClientAccessUriAsync(
                "user 1", new[] { "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup.room&1" }, new[] { "g1", "g2" }, TimeSpan.FromMinutes(5));
            string token = Token(uri);
            JsonElement payload = Jwt.AssertValid(token, Key, "https://svc/client/hubs/testHub", TimeSpan.FromMinutes(5));
            Assert.That(payload.GetProperty("sub").GetString(), Is.EqualTo("user 1"));
            Assert.That(Jwt.Strings(payload.GetProperty("role")), Is.EqualTo(new[] { "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup.room&1" }));
            Assert.That(Jwt.Strings(payload.GetProperty("webpubsub.group")), Is.EqualTo(new[] { "g1", "g2" }));

            // Independent validation by Microsoft.IdentityModel (signature, lifetime, audience).
            JsonWebToken validated = Jwt.Validate(token, Key, "https://svc/client/hubs/testHub");
            Assert.That(validated.Subject, Is.EqualTo("user 1"));
            Assert.That(validated.Claims.Where(c => c.Type == "role").Select(c => c.Value), Has.Member("webpubsub.joinLeaveGroup"));
        }

        [Test]
        public async Task SingleRoleIsStillAnArrayAndEmptyListsAreOmitted()
        {
            string token = await Client("https://svc").GetClientAccessTokenAsync("u", new[] { "r" }, Array.Empty<string>());
            JsonElement payload = Jwt.Payload(token);
            Assert.That(payload.GetProperty("role").ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(payload.TryGetProperty("webpubsub.group", out _), Is.False);
        }

        [Test]
        public async Task ZeroLifetimeMeansDefaultAndNegativeThrows()
        {
            WebPubSubServiceClient client = Client("https://svc");
            string token = await client.GetClientAccessTokenAsync(expiresAfter: TimeSpan.Zero);
            Jwt.AssertValid(token, Key, "https://svc/client/hubs/testHub", TimeSpan.FromMinutes(60));
            Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetClientAccessTokenAsync(expiresAfter: TimeSpan.FromMinutes(-1)));
        }

        [Test]
        public void ShortKeysVerifyWithPlainHmac()
        {
            var client = new WebPubSubServiceClient(ConnectionStringParser.Parse("Endpoint=https://svc;AccessKey=k"), "h", new WebPubSubServiceClientOptions { Transport = new MockTransport() });
            string token = client.GetClientAccessTokenAsync("u").GetAwaiter().GetResult();
            Assert.That(Jwt.SignatureValid(token, "k"), Is.True);
            Assert.That(Jwt.SignatureValid(token, "other"), Is.False);
        }

        [Test]
        public void KeylessAccessCannotCreateTokens()
        {
            var transport = new MockTransport();
            var client = new WebPubSubServiceClient(ConnectionStringParser.Parse("Endpoint=https://svc"), "h", new WebPubSubServiceClientOptions { Transport = transport });
            Assert.ThrowsAsync<InvalidOperationException>(() => client.GetClientAccessUriAsync("u"));
            var ex = Assert.ThrowsAsync<InvalidOperationException>(() => client.SendToAllAsync(BinaryData.FromString("x"), WebPubSubContentTypes.Text));
            Assert.That(ex!.Message, Does.Contain("AccessKey"));
            Assert.That(transport.Requests, Is.Empty);
        }

        [Test]
        public void PreCancelledTokenStopsLocalTokenCreation()
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            Assert.CatchAsync<OperationCanceledException>(() => Client("https://svc").GetClientAccessUriAsync(cancellationToken: cts.Token));
        }
    }
}
