using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.EndToEnd
{
    /// <summary>
    /// Real clients through the local loop: the official JavaScript client and headless Chromium talk to the
    /// stand-in, which calls the chat sample's functions in the local host, whose output bindings call the
    /// stand-in's REST API.
    /// </summary>
    [Category("EndToEnd")]
    [NonParallelizable]
    public class LocalLoopTests
    {
        private LocalLoop _loop = null!;

        [OneTimeSetUp]
        public async Task Start() => _loop = await LocalLoop.StartAsync();

        [OneTimeTearDown]
        public async Task Stop() => await _loop.DisposeAsync();

        private async Task RunAsync(string script, string? scenario = null, LocalLoop? loop = null, string protocol = "json", string? trustedCa = null)
        {
            loop ??= _loop;
            var environment = new Dictionary<string, string> { ["HOST_URL"] = loop.HostUrl.ToString().TrimEnd('/'), ["PROTOCOL"] = protocol };
            if (trustedCa != null)
            {
                environment["NODE_EXTRA_CA_CERTS"] = trustedCa;
            }
            if (scenario != null)
            {
                environment["SCENARIO"] = scenario;
            }
            var (exitCode, output) = await Node.RunAsync(script, environment, TimeSpan.FromSeconds(90));
            TestContext.Out.WriteLine(output);
            Assert.That(exitCode, Is.EqualTo(0), output + Environment.NewLine + loop.Output);
        }

        [Test]
        public Task JavaScriptClientChatsThroughTheFunctions() => RunAsync("chat-scenario.mjs");

        [Test]
        public Task JavaScriptClientChatsWithItsDefaultReliableProtocol() => RunAsync("chat-scenario.mjs", protocol: "reliable");

        [Test]
        public Task ThrowingFunctionGivesTheClientAnErrorNotAHang() => RunAsync("failure-scenarios.mjs", "throwing-function");

        [Test]
        public Task TwoBrowserPagesExchangeAMessage() => RunAsync("browser-scenario.mjs");

        [Test]
        public async Task JavaScriptClientChatsThroughAnIdentityConnection()
        {
            // The host holds no key: a managed identity (Azure.Identity's ManagedIdentityCredential against the
            // stand-in's identity endpoint), HTTPS to the stand-in, negotiate through :generateToken.
            await using var loop = await LocalLoop.StartAsync(identity: true);
            await RunAsync("chat-scenario.mjs", loop: loop, trustedCa: await LocalLoop.CertificateAuthorityAsync());
            var tokens = loop.Output.Split('\n').Count(line => line.Contains("Managed identity token issued", StringComparison.Ordinal));
            TestContext.Out.WriteLine($"managed identity token requests for the whole chat scenario: {tokens}");
            Assert.That(tokens, Is.EqualTo(1), loop.Output);
            Assert.That(loop.Output, Does.Not.Contain("eyJ"), "no token (JWTs start with eyJ) in either program's output");
        }

        [Test]
        public async Task WrongAccessKeyInTheHostMakesConnectFailWith401()
        {
            await using var misconfigured = await LocalLoop.StartAsync(hub: "chat", hostKey: "not-the-resource-key");
            await RunAsync("failure-scenarios.mjs", "wrong-key", misconfigured);
        }
    }
}
