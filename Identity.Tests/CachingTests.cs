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
        private StandInServer _server = null!;
        private IdentityEnvironment _environment = null!;

        [OneTimeSetUp]
        public async Task StartAsync()
        {
            _server = await StandInServer.StartAsync(new Dictionary<string, IDictionary<string, string>> { [Identity] = new Dictionary<string, string>() }, webhook: false);
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
        }

        [Test]
        public async Task NegotiateTimeWithIdentityAndWithKey()
        {
            var identity = Settings.ManagedIdentity(_server, Identity);
            var key = new Dictionary<string, string?> { [Settings.Default] = _server.KeyConnectionString };
            double identityMs = await AverageNegotiateMillisecondsAsync(identity);
            double keyMs = await AverageNegotiateMillisecondsAsync(key);
            TestContext.Out.WriteLine($"negotiate (JobHost.CallAsync, mean of {Invocations} after a warm-up): identity {identityMs:F2} ms, key {keyMs:F2} ms");
            Assert.That(identityMs, Is.LessThan(250), "a cached token plus one local :generateToken round trip");
        }

        private static async Task<double> AverageNegotiateMillisecondsAsync(IDictionary<string, string?> settings)
        {
            await using var host = await IdentityJobHost.StartAsync(settings, typeof(IdentityFunctions));
            await host.CallAsync("IdentityFunctions.Negotiate", new { userId = "warm-up" });
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < Invocations; i++)
            {
                await host.CallAsync("IdentityFunctions.Negotiate", new { userId = "u" + i });
            }
            return watch.Elapsed.TotalMilliseconds / Invocations;
        }
    }
}
