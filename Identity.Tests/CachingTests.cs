using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests
{
    /// <summary>
    /// Token caching with the real credential: one token request per token lifetime (1 h), not per invocation;
    /// and what negotiate costs with identity (a <c>:generateToken</c> round trip) against a key (signed locally).
    /// </summary>
    [TestFixture]
    [NonParallelizable]
    public class CachingTests
    {
        private const int Invocations = 50;
        private const string Identity = "cached";
        private const string ShortLived = "short-lived";
        private const string Timed = "timed";
        private StandInServer _server = null!;
        private IdentityEnvironment _environment = null!;

        [OneTimeSetUp]
        public async Task StartAsync()
        {
            _server = await StandInServer.StartAsync(new Dictionary<string, IDictionary<string, string>>
            {
                [Identity] = new Dictionary<string, string>(),
                [Timed] = new Dictionary<string, string>(),
                // Under the 5 minutes before expiry in which Azure.Core and MSAL renew a token.
                [ShortLived] = new Dictionary<string, string> { ["TokenLifetimeSeconds"] = "240" },
            }, webhook: false);
            _environment = new IdentityEnvironment(_server.IdentityEndpoint, _server.IdentityHeader);
        }

        [OneTimeTearDown]
        public async Task StopAsync()
        {
            _environment.Dispose();
            await _server.DisposeAsync();
        }

        [Test]
        public async Task FiftyNegotiatesAndFiftyOutputsMakeOneTokenRequest()
        {
            await using var host = await IdentityJobHost.StartAsync(Settings.ManagedIdentity(_server, Identity), typeof(IdentityFunctions));
            for (int i = 0; i < Invocations; i++)
            {
                await host.CallAsync("IdentityFunctions.Negotiate", new { userId = "u" + i });
                host.Recorder.PendingActions.Enqueue(WebPubSubAction.CreateSendToAllAction("n" + i));
                await host.CallAsync("IdentityFunctions.Send");
            }
            Assert.That(host.Recorder.Connections, Has.Count.EqualTo(Invocations));
            TestContext.Out.WriteLine($"token requests for {Invocations} negotiates + {Invocations} outputs: {_server.TokenRequests(Identity)}");
            Assert.That(_server.TokenRequests(Identity), Is.EqualTo(1));
            foreach (var (what, text) in new[] { ("host log", host.Logs.AllText), ("stand-in log", _server.Logs.AllText) })
            {
                Assert.That(text, Does.Not.Contain("eyJ"), what + " carries a token");
                Assert.That(text, Does.Not.Contain(_server.IdentityHeader), what + " carries IDENTITY_HEADER");
            }
        }

        [Test]
        public async Task TheCacheFollowsTheTokenLifetime()
        {
            // A token that is already inside the renewal window is not reused: the count is driven by the lifetime
            // the identity endpoint states, not by a fixed cache.
            await using var host = await IdentityJobHost.StartAsync(Settings.ManagedIdentity(_server, ShortLived), typeof(IdentityFunctions));
            for (int i = 0; i < 5; i++)
            {
                await host.CallAsync("IdentityFunctions.Negotiate", new { userId = "u" + i });
            }
            // Azure.Core renews in the background while the current token is still valid, so allow it a moment.
            Assert.That(() => _server.TokenRequests(ShortLived), Is.GreaterThan(1).After(5000, 50));
            TestContext.Out.WriteLine($"token requests for 5 negotiates with a 4-minute token: {_server.TokenRequests(ShortLived)}");
        }

        [Test]
        public async Task NegotiateTimeWithIdentityAndWithKey()
        {
            // Its own identity, so that the first call includes fetching the token.
            var identity = Settings.ManagedIdentity(_server, Timed);
            var key = new Dictionary<string, string?> { [Settings.Default] = _server.KeyConnectionString };
            var (identityFirst, identityMean) = await NegotiateMillisecondsAsync(identity);
            var (keyFirst, keyMean) = await NegotiateMillisecondsAsync(key);
            TestContext.Out.WriteLine($"negotiate (JobHost.CallAsync, Stopwatch): first call identity {identityFirst:F1} ms, key {keyFirst:F1} ms; "
                + $"mean of the next {Invocations}: identity {identityMean:F2} ms, key {keyMean:F2} ms");
            Assert.That(identityMean, Is.LessThan(250), "a cached token plus one local :generateToken round trip");
            Assert.That(_server.TokenRequests(Timed), Is.EqualTo(1));
        }

        private static async Task<(double First, double Mean)> NegotiateMillisecondsAsync(IDictionary<string, string?> settings)
        {
            await using var host = await IdentityJobHost.StartAsync(settings, typeof(IdentityFunctions));
            var watch = Stopwatch.StartNew();
            await host.CallAsync("IdentityFunctions.Negotiate", new { userId = "first" });
            double first = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            for (int i = 0; i < Invocations; i++)
            {
                await host.CallAsync("IdentityFunctions.Negotiate", new { userId = "u" + i });
            }
            return (first, watch.Elapsed.TotalMilliseconds / Invocations);
        }
    }
}
