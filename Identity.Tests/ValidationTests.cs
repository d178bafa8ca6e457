using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests
{
    /// <summary>
    /// Trigger and <c>[WebPubSubContext]</c> validation on an identity connection: there is no key, so the origin
    /// (the <c>serviceUri</c> host) is all that is checked; a signature cannot be, and does not matter.
    /// </summary>
    [TestFixture]
    [NonParallelizable]
    public class ValidationTests
    {
        private const string Identity = "validation";
        private const string ServiceOrigin = "127.0.0.1";
        private const string ForeignOrigin = "other.webpubsub.invalid";
        private StandInServer _server = null!;
        private IdentityEnvironment _environment = null!;
        private IdentityJobHost _host = null!;

        [OneTimeSetUp]
        public async Task StartAsync()
        {
            _server = await StandInServer.StartAsync(new Dictionary<string, IDictionary<string, string>> { [Identity] = new Dictionary<string, string>() });
            _environment = new IdentityEnvironment(_server.IdentityEndpoint, _server.IdentityHeader);
            _host = await IdentityJobHost.StartAsync(Settings.ManagedIdentity(_server, Identity), typeof(IdentityFunctions));
        }

        [OneTimeTearDown]
        public async Task StopAsync()
        {
            await _host.DisposeAsync();
            _environment.Dispose();
            await _server.DisposeAsync();
        }

        private static Dictionary<string, string?> From(string origin) => new Dictionary<string, string?> { ["WebHook-Request-Origin"] = origin };

        [Test]
        public async Task TriggerAcceptsTheServiceOriginWhateverTheSignature()
        {
            using var request = Connect(StandInServer.Hub, headers: From(ServiceOrigin), key: "a key the connection does not have");
            using var response = await _host.SendWebhookAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"userId\":\"user-1\""));
        }

        [Test]
        public async Task TriggerRefusesAForeignOrigin()
        {
            using var request = Connect(StandInServer.Hub, headers: From(ForeignOrigin));
            using var response = await _host.SendWebhookAsync(request);
            Assert.That((int)response.StatusCode, Is.InRange(400, 403), await response.Content.ReadAsStringAsync());
        }

        [Test]
        public async Task AbuseProtectionAnswersTheServiceOriginOnly()
        {
            using (var response = await _host.SendWebhookAsync(Options(ServiceOrigin)))
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(response.Headers.GetValues("WebHook-Allowed-Origin"), Is.EqualTo(new[] { ServiceOrigin }));
            }
            using (var response = await _host.SendWebhookAsync(Options(ForeignOrigin)))
            {
                Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
            }
        }

        [TestCase(ServiceOrigin, false)]
        [TestCase(ForeignOrigin, true)]
        public async Task ContextValidatesTheOriginOnly(string origin, bool expectError)
        {
            using var message = User(StandInServer.Hub, "message", new byte[] { 104, 105 }, "text/plain", headers: From(origin));
            message.Headers.Remove("ce-signature");
            message.Headers.TryAddWithoutValidation("ce-signature", "sha256=" + new string('0', 64));
            await _host.CallAsync("IdentityFunctions.Context", new { req = ToHttpRequest(message) });
            Assert.That(_host.Recorder.Contexts.TryDequeue(out var context), Is.True);
            Assert.That(context!.HasError, Is.EqualTo(expectError), context.ErrorMessage);
            if (!expectError)
            {
                Assert.That(context.Request.ConnectionContext.Hub, Is.EqualTo(StandInServer.Hub));
            }
        }

        [Test]
        public async Task ContextPreflightFromTheServiceOriginIsValid()
        {
            await _host.CallAsync("IdentityFunctions.Context", new { req = ToHttpRequest(Options(ServiceOrigin)) });
            Assert.That(_host.Recorder.Contexts.TryDequeue(out var context), Is.True);
            Assert.That(context!.IsPreflight, Is.True);
            Assert.That(context.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        private static HttpRequest ToHttpRequest(HttpRequestMessage message)
        {
            var request = new DefaultHttpContext().Request;
            request.Method = message.Method.Method;
            foreach (var header in message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            {
                request.Headers[header.Key] = header.Value.ToArray();
            }
            if (message.Content != null)
            {
                request.Body = new MemoryStream(message.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
            }
            return request;
        }
    }
}
