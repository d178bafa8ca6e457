using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// Issue 7, defect 6: an undecodable <c>ce-connectionState</c> is refused (400 naming the header) instead of
    /// being read as "no states", which the next answer would have written back, erasing the real states; an
    /// empty or blank <c>ce-connectionId</c> is a 400. Also: repeated single-valued headers must agree.
    /// </summary>
    public class HeaderValidationTests
    {
        private readonly InvocationRecorder _recorder = new();
        private WebPubSubTestHost _host = null!;

        [OneTimeSetUp]
        public async Task Start() => _host = await HostileHost.StartAsync(_recorder);

        [OneTimeTearDown]
        public async Task Stop() => await _host.DisposeAsync();

        [SetUp]
        public void Clear() => _recorder.Drain();

        private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

        private static IEnumerable<string> UndecodableStates()
        {
            yield return "not base64!";
            yield return Base64("not json");
            yield return Base64("[\"a\"]");
            yield return Base64("{\"a\":1}");
            yield return Base64("{\"a\":\"not base64!\"}");
            yield return Base64("{\"tenant\":\"t1\"}".Substring(0, 10));
            yield return Base64("{\"k\":\"\\ud800\"}"); // a lone surrogate escape: was a 500
            yield return Base64("{\"\\udc00\":\"AA==\"}");
        }

        [TestCaseSource(nameof(UndecodableStates))]
        public async Task UndecodableConnectionStateIsA400NamingTheHeader(string state)
        {
            var response = await _host.SendAsync(User(HostileFunctions.Hub, "message", Encoding.UTF8.GetBytes("x"), "text/plain",
                new Dictionary<string, string?> { ["ce-connectionState"] = state }));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("ce-connectionState"));
            Assert.That(response.Headers.Contains("ce-connectionState"), Is.False, "no answer may overwrite the states");
            Assert.That(_recorder.Drain(), Is.Empty);
        }

        [Test]
        public async Task ValidStatesStillArriveAndLeaveMerged()
        {
            var state = EncodeStates(new Dictionary<string, string> { ["name"] = "\"ann\"" });
            var response = await _host.SendAsync(User(HostileFunctions.Hub, "message", Encoding.UTF8.GetBytes("x"), "text/plain",
                new Dictionary<string, string?> { ["ce-connectionState"] = state }));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(DecodeStates(response.Headers.GetValues("ce-connectionState").Single()),
                Is.EquivalentTo(new Dictionary<string, string> { ["name"] = "\"ann\"", ["seen"] = "true" }));
        }

        [TestCase("")]
        [TestCase("   ")]
        [TestCase("\t")]
        public async Task BlankConnectionIdIsA400NamingTheHeader(string connectionId)
        {
            var request = Event(HostileFunctions.Hub, "azure.webpubsub.sys.connected", "connected", Json("{}"), connectionId: connectionId);
            var response = await _host.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("ce-connectionId"));
            Assert.That(_recorder.Drain(), Is.Empty);
        }

        [TestCase("ce-connectionId")]
        [TestCase("ce-hub")]
        [TestCase("ce-connectionState")]
        public async Task DifferentRepeatedValuesOfASingleValuedHeaderAreA400(string header)
        {
            var request = Connected(HostileFunctions.Hub);
            request.Headers.TryAddWithoutValidation(header, "another-value");
            var response = await _host.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(header));
            Assert.That(_recorder.Drain(), Is.Empty);
        }

        [Test]
        public async Task AHugeHeaderIsNotEchoedWhole()
        {
            var hub = new string('h', 100_000);
            var response = await _host.SendAsync(Connected(hub));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await response.Content.ReadAsStringAsync()).Length, Is.LessThan(1000));
        }

        [Test]
        public async Task TheContextBindingRefusesUndecodableStates()
        {
            await HostileHost.CallContextAsync(_host, Connected(HostileFunctions.Hub, new Dictionary<string, string?> { ["ce-connectionState"] = "%%%" }));
            var context = (WebPubSubContext)_recorder.Drain().Single().Value!;
            Assert.That(context.HasError, Is.True);
            Assert.That(context.Response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(context.ErrorMessage, Does.Contain("ce-connectionState"));
        }
    }
}
