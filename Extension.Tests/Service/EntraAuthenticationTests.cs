using System;
using System.Linq;
using System.Threading.Tasks;
using Azure.Messaging.WebPubSub;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    public class EntraAuthenticationTests
    {
        private static (WebPubSubServiceClient, MockTransport, FakeTokenCredential) Create(string? scope = null, string responseBody = "{\"token\":\"service-token\"}")
        {
            var credential = new FakeTokenCredential();
            var transport = new MockTransport { Responder = _ => new MockResponse(200, responseBody) };
            var options = new WebPubSubServiceClientOptions { Transport = transport };
            if (scope != null)
            {
                options.EntraScope = scope;
            }

            var access = new WebPubSubServiceAccess(new Uri("https://id.webpubsub.azure.com"), new IdentityCredential(credential));
            return (new WebPubSubServiceClient(access, "chat", options), transport, credential);
        }

        [Test]
        public async Task SendsBearerTokenForDefaultScope()
        {
            var (client, transport, credential) = Create();
            await client.SendToAllAsync(BinaryData.FromString("x"), WebPubSubContentTypes.Text);
            Assert.That(transport.Single.Header("Authorization"), Is.EqualTo("Bearer " + FakeTokenCredential.Token));
            Assert.That(credential.RequestedScopes.Single(), Is.EqualTo(new[] { "https://webpubsub.azure.com/.default" }));
        }

        [Test]
        public async Task ScopeIsConfigurable()
        {
            var (client, _, credential) = Create("https://webpubsub.azure.cn/.default");
            await client.CloseConnectionAsync("c");
            Assert.That(credential.RequestedScopes.First(), Is.EqualTo(new[] { "https://webpubsub.azure.cn/.default" }));
        }

        [TestCase(WebPubSubClientProtocol.Default, "default", "wss://id.webpubsub.azure.com/client/hubs/chat")]
        [TestCase(WebPubSubClientProtocol.Mqtt, "mqtt", "wss://id.webpubsub.azure.com/clients/mqtt/hubs/chat")]
        [TestCase(WebPubSubClientProtocol.SocketIO, "socketio", "wss://id.webpubsub.azure.com/clients/socketio/hubs/chat")]
        public async Task ClientAccessUsesGenerateToken(WebPubSubClientProtocol protocol, string clientType, string expectedBase)
        {
            var (client, transport, _) = Create();
            Assert.That(client.CanSignClientTokensLocally, Is.False);
            Uri uri = await client.GetClientAccessUriAsync("u1", new[] { "r1" }, new[] { "g1", "g2" }, TimeSpan.FromMinutes(90.7), protocol);
            Assert.That(uri.AbsoluteUri, Is.EqualTo(expectedBase + "?access_token=service-token"));
            RecordedRequest request = transport.Single;
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Url, Is.EqualTo("https://id.webpubsub.azure.com/api/hubs/chat/:generateToken?api-version=2024-12-01&userId=u1&role=r1&minutesToExpire=90&group=g1&group=g2&clientType=" + clientType));
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer " + FakeTokenCredential.Token));
            Assert.That(request.Header("Accept"), Does.Contain("application/json"));
        }

        [TestCase(0.5, 1)]
        [TestCase(1.99, 1)]
        [TestCase(null, 60)]
        public async Task MinutesToExpireIsFlooredWithMinimumOne(double? minutes, int expected)
        {
            var (client, transport, _) = Create();
            await client.GetClientAccessTokenAsync(expiresAfter: minutes.HasValue ? TimeSpan.FromMinutes(minutes.Value) : null);
            Assert.That(transport.Single.Url, Does.Contain("&minutesToExpire=" + expected + "&"));
        }

        [Test]
        public void MissingTokenInResponseThrows()
        {
            var (client, _, _) = Create(responseBody: "{}");
            Assert.ThrowsAsync<InvalidOperationException>(() => client.GetClientAccessUriAsync());
        }
    }
}
