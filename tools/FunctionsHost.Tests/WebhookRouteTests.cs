using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FunctionsHost.Tests.Infrastructure;
using Microsoft.Azure.WebJobs;
using NUnit.Framework;

namespace FunctionsHost.Tests
{
    /// <summary><c>/runtime/webhooks/{name}/{**rest}</c> through the extension's converter, with the chat sample's triggers.</summary>
    [TestFixture]
    public sealed class WebhookRouteTests
    {
        private HostUnderTest _host = null!;

        [OneTimeSetUp]
        public async Task StartAsync() => _host = await SharedHost.GetAsync();

        private HttpClient Client => _host.Client;

        [Test]
        public async Task UnknownExtension_Is404()
        {
            using var response = await Client.PostAsync("/runtime/webhooks/nosuchextension", new StringContent("{}"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("nosuchextension"));
        }

        [Test]
        public void TheExtensionRegisteredItsWebhookUnderItsConfigSection()
        {
            // Other tests of this fixture add their own converters; the extension's is "webpubsub".
            Assert.That(_host.App.WebHooks.Names, Does.Contain("webpubsub"));
            var provider = typeof(Microsoft.Azure.WebJobs.Extensions.WebPubSub.WebPubSubTriggerAttribute).Assembly.GetType("Microsoft.Azure.WebJobs.Extensions.WebPubSub.WebPubSubConfigProvider", throwOnError: true)!;
            Assert.That(WebHookRegistry.NameOf(provider), Is.EqualTo("webpubsub"));
            Assert.That(_host.Logs.Contains($"Web PubSub webhook registered at {_host.App.Url}/runtime/webhooks/webpubsub"), Is.True);
        }

        [Test]
        public async Task AbuseProtectionHandshake_WithOrigin_Is200()
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, HostUnderTest.Webhook);
            request.Headers.TryAddWithoutValidation("WebHook-Request-Origin", CloudEvents.Origin);
            using var response = await Client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.GetValues("WebHook-Allowed-Origin"), Is.EqualTo(new[] { CloudEvents.Origin }));
        }

        [Test]
        public async Task AbuseProtectionHandshake_FromAnotherOrigin_IsRefusedByTheExtension()
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, HostUnderTest.Webhook);
            request.Headers.TryAddWithoutValidation("WebHook-Request-Origin", "elsewhere.webpubsub.azure.com");
            using var response = await Client.SendAsync(request);
            Assert.That((int)response.StatusCode, Is.InRange(400, 499));
        }

        [Test]
        public async Task Connect_Signed_AnswersUserGroupsAndState()
        {
            using var response = await Client.SendAsync(CloudEvents.Connect(HostUnderTest.Webhook, "alice"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            using var json = JsonDocument.Parse(body);
            Assert.That(json.RootElement.GetProperty("userId").GetString(), Is.EqualTo("alice"));
            Assert.That(json.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetString()), Is.EqualTo(new[] { "lobby" }));

            var states = CloudEvents.DecodeStates(response.Headers.GetValues("ce-connectionState").Single());
            Assert.That(states.Keys, Does.Contain("joinedAt"));
        }

        [Test]
        public async Task Connect_WithoutUser_Is401FromTheFunction()
        {
            using var response = await Client.SendAsync(CloudEvents.Connect(HostUnderTest.Webhook, userId: null));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("user"));
        }

        [Test]
        public async Task Connect_WithAWrongSignature_Is401FromTheExtension()
        {
            using var response = await Client.SendAsync(CloudEvents.Connect(HostUnderTest.Webhook, "alice", key: "not-the-key"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        [Test]
        public async Task Message_BroadcastsToTheLobby_AcksAndCountsPerConnection()
        {
            var connection = "conn-msg-" + Guid.NewGuid().ToString("N");
            using (var first = await Client.SendAsync(CloudEvents.User(HostUnderTest.Webhook, "message", "hello there", connection, "bob")))
            {
                var body = await first.Content.ReadAsStringAsync();
                Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
                Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("ack").GetInt32(), Is.EqualTo(1));
                var states = CloudEvents.DecodeStates(first.Headers.GetValues("ce-connectionState").Single());
                Assert.That(states["count"], Is.EqualTo("1"));
            }

            var sent = await _host.Stub.WaitForAsync(
                r => r.Method == "POST" && r.PathAndQuery.StartsWith("/api/hubs/chat/groups/lobby/:send", StringComparison.Ordinal) && r.Body.Contains("hello there", StringComparison.Ordinal),
                "the broadcast of 'hello there' to lobby");
            using (var line = JsonDocument.Parse(sent.Body))
            {
                Assert.That(line.RootElement.GetProperty("from").GetString(), Is.EqualTo("bob"));
                Assert.That(line.RootElement.GetProperty("text").GetString(), Is.EqualTo("hello there"));
            }
            Assert.That(sent.ContentType, Does.StartWith("application/json"));
            Assert.That(sent.Authorization, Does.StartWith("Bearer "));

            // The service sends the state back with the next event.
            var states2 = CloudEvents.EncodeStates(("count", "1"));
            using var second = await Client.SendAsync(CloudEvents.User(HostUnderTest.Webhook, "message", "again", connection, "bob", states2));
            Assert.That(JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("ack").GetInt32(), Is.EqualTo(2));
        }

        [Test]
        public async Task Connected_BroadcastsJoined()
        {
            var user = "carol-" + Guid.NewGuid().ToString("N")[..6];
            using var response = await Client.SendAsync(CloudEvents.Connected(HostUnderTest.Webhook, "conn-c", user));
            Assert.That((int)response.StatusCode, Is.InRange(200, 299));
            await _host.Stub.WaitForAsync(r => r.PathAndQuery.StartsWith("/api/hubs/chat/groups/lobby/:send", StringComparison.Ordinal) && r.Body == $"{user} joined", $"'{user} joined'");
        }

        [Test]
        public async Task Disconnected_BroadcastsLeft()
        {
            var user = "dave-" + Guid.NewGuid().ToString("N")[..6];
            using var response = await Client.SendAsync(CloudEvents.Disconnected(HostUnderTest.Webhook, "conn-d", user));
            Assert.That((int)response.StatusCode, Is.InRange(200, 299));
            await _host.Stub.WaitForAsync(r => r.PathAndQuery.StartsWith("/api/hubs/chat/groups/lobby/:send", StringComparison.Ordinal) && r.Body == $"{user} left", $"'{user} left'");
        }

        [Test]
        public async Task CloseMe_ClosesTheConnectionWithAReason()
        {
            var connection = "conn-close-" + Guid.NewGuid().ToString("N");
            using var response = await Client.SendAsync(CloudEvents.User(HostUnderTest.Webhook, "close-me", "please", connection));
            Assert.That((int)response.StatusCode, Is.InRange(200, 299));
            var close = await _host.Stub.WaitForAsync(r => r.Method == "DELETE" && r.PathAndQuery.StartsWith($"/api/hubs/chat/connections/{connection}?", StringComparison.Ordinal), "the close of " + connection);
            Assert.That(close.PathAndQuery, Does.Contain("reason=bye"));
        }

        [Test]
        public async Task FailingFunction_Is500WithItsMessage()
        {
            using var response = await Client.SendAsync(CloudEvents.User(HostUnderTest.Webhook, "fail", "x"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("always fails"));
        }

        [Test]
        public async Task UnknownEvent_Is404FromTheExtension()
        {
            using var response = await Client.SendAsync(CloudEvents.User(HostUnderTest.Webhook, "no-such-event", "x"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        [Test]
        public async Task RequestAndResponse_AreCopiedWhole()
        {
            var echo = new EchoConverter();
            _host.App.WebHooks.Register("echo", echo);

            using var request = new HttpRequestMessage(HttpMethod.Put, "/runtime/webhooks/echo/some/path?a=1&b=x%20y")
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes("payload")),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            request.Headers.TryAddWithoutValidation("x-custom", "v1");
            using var response = await Client.SendAsync(request);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(response.Headers.GetValues("x-echo-method").Single(), Is.EqualTo("PUT"));
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
            Assert.That(response.Content.Headers.ContentLanguage, Does.Contain("en"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("payload"));

            var seen = echo.Last!;
            Assert.That(seen.Uri, Is.EqualTo(new Uri(new Uri(_host.App.Url!), "/runtime/webhooks/echo/some/path?a=1&b=x%20y")));
            Assert.That(seen.CustomHeader, Is.EqualTo("v1"));
            Assert.That(seen.ContentType, Is.EqualTo("application/octet-stream"));
        }

        [Test]
        public async Task ConverterException_IsLoggedAnd500WithoutInternals()
        {
            _host.App.WebHooks.Register("boom", new ThrowingConverter());
            using var response = await Client.PostAsync("/runtime/webhooks/boom", new StringContent("x"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(body, Does.Not.Contain("secret detail"));
            Assert.That(body, Does.Contain("functions host log"));
            Assert.That(_host.Logs.Lines.Any(l => l.StartsWith("Error FunctionsHost", StringComparison.Ordinal) && l.Contains("secret detail", StringComparison.Ordinal)), Is.True);
        }

        private sealed class EchoConverter : IAsyncConverter<HttpRequestMessage, HttpResponseMessage>
        {
            public Seen? Last { get; private set; }

            public async Task<HttpResponseMessage> ConvertAsync(HttpRequestMessage input, CancellationToken cancellationToken)
            {
                var body = input.Content == null ? "" : await input.Content.ReadAsStringAsync(cancellationToken);
                Last = new Seen(input.RequestUri!, input.Headers.GetValues("x-custom").Single(), input.Content?.Headers.ContentType?.ToString());
                var response = new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
                response.Headers.TryAddWithoutValidation("x-echo-method", input.Method.Method);
                response.Headers.TransferEncodingChunked = true;
                response.Content.Headers.ContentLanguage.Add("en");
                return response;
            }

            public sealed record Seen(Uri Uri, string CustomHeader, string? ContentType);
        }

        private sealed class ThrowingConverter : IAsyncConverter<HttpRequestMessage, HttpResponseMessage>
        {
            public Task<HttpResponseMessage> ConvertAsync(HttpRequestMessage input, CancellationToken cancellationToken) =>
                throw new InvalidOperationException("secret detail");
        }
    }
}
