using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Azure;
using Azure.Identity;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests
{
    /// <summary>
    /// Failures are prompt and say what is wrong, without a token or the identity header in the exception, the
    /// host's log or the stand-in's log: identity endpoint down or answering 500, a principal without a data-plane
    /// role (403), an expired token (401).
    /// </summary>
    [TestFixture]
    [NonParallelizable]
    public class FailureTests
    {
        // Azure.Identity retries a failing identity endpoint inside the credential for about 25 s here; the extension
        // gives up after its token timeout (10 s by default). Service errors (401/403) are immediate.
        private static readonly TimeSpan DefaultTokenTimeout = TimeSpan.FromSeconds(10);
        private static readonly TimeSpan Prompt = DefaultTokenTimeout + TimeSpan.FromSeconds(5);
        private StandInServer _server = null!;

        [OneTimeSetUp]
        public async Task StartAsync() => _server = await StandInServer.StartAsync(new Dictionary<string, IDictionary<string, string>>
        {
            ["down"] = new Dictionary<string, string>(),
            ["failing"] = new Dictionary<string, string> { ["FailureStatus"] = "500" },
            ["no-role"] = new Dictionary<string, string> { ["Roles"] = string.Empty },
            ["reader"] = new Dictionary<string, string> { ["Roles"] = "Web PubSub Service Reader" },
            ["expired"] = new Dictionary<string, string> { ["TokenLifetimeSeconds"] = "-600" },
            ["skewed"] = new Dictionary<string, string> { ["TokenLifetimeSeconds"] = "-600", ["StatedLifetimeSeconds"] = "3600" },
            ["slow"] = new Dictionary<string, string> { ["ResponseDelaySeconds"] = "3" },
        }, webhook: false);

        [OneTimeTearDown]
        public async Task StopAsync() => await _server.DisposeAsync();

        [Test]
        public async Task IdentityEndpointDown()
        {
            var (error, elapsed, host) = await NegotiateFailsAsync("down", "http://127.0.0.1:" + ClosedPort() + "/msi/token");
            Assert.That(error, Is.InstanceOf<AuthenticationFailedException>().Or.InstanceOf<CredentialUnavailableException>(), error.ToString());
            Assert.That(error.Message, Does.Contain("ManagedIdentityCredential"));
            TestContext.Out.WriteLine($"identity endpoint down: failed in {elapsed.TotalSeconds:F1} s");
            AssertPromptAndSecret(error, elapsed, host);
        }

        [Test]
        public async Task IdentityEndpointAnswers500()
        {
            var (error, elapsed, host) = await NegotiateFailsAsync("failing");
            Assert.That(error, Is.InstanceOf<AuthenticationFailedException>(), error.ToString());
            TestContext.Out.WriteLine($"500 from the identity endpoint: {_server.TokenRequests("failing")} token requests (retries) before failing, in {elapsed.TotalSeconds:F1} s");
            AssertPromptAndSecret(error, elapsed, host);
        }

        [Test]
        public async Task TheTokenTimeoutComesFromHostJsonAndTheErrorSaysWhatToDo()
        {
            var (error, elapsed, host) = await NegotiateFailsAsync("failing", tokenTimeout: "00:00:02");
            Assert.That(error, Is.InstanceOf<AuthenticationFailedException>());
            Assert.That(error.Message, Does.Contain("ManagedIdentityCredential").And.Contain("'WebPubSubConnectionString'")
                .And.Contain("within 2 s").And.Contain("extensions.webpubsub.tokenTimeout"));
            Assert.That(elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1.8)).And.LessThan(TimeSpan.FromSeconds(6)));
            TestContext.Out.WriteLine($"500 from the identity endpoint, tokenTimeout 2 s: failed in {elapsed.TotalSeconds:F1} s");
            AssertPromptAndSecret(error, elapsed, host);
        }

        [Test]
        public async Task ASlowIdentityEndpointWithinTheTimeoutStillWorks()
        {
            // 3 s per token, under the default 10 s.
            using var _ = new IdentityEnvironment(_server.IdentityEndpoint, _server.IdentityHeader);
            await using var host = await IdentityJobHost.StartAsync(Settings.ManagedIdentity(_server, "slow"), typeof(IdentityFunctions));
            await host.CallAsync("IdentityFunctions.Negotiate", new { userId = "u" });
            Assert.That(host.Recorder.Connections.Single().AccessToken, Is.Not.Empty);
        }

        [Test]
        public async Task ASlowIdentityEndpointPastTheTimeoutFailsAtTheTimeout()
        {
            var (error, elapsed, host) = await NegotiateFailsAsync("slow", tokenTimeout: "00:00:01");
            Assert.That(error.Message, Does.Contain("within 1 s"));
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(2.9)), "gave up before the endpoint answered");
            AssertPromptAndSecret(error, elapsed, host);
        }

        [Test]
        public async Task AnOutputFailsAtTheTimeoutToo()
        {
            using var _ = new IdentityEnvironment(_server.IdentityEndpoint, _server.IdentityHeader);
            var settings = Settings.ManagedIdentity(_server, "failing");
            settings["AzureWebJobs:extensions:webpubsub:tokenTimeout"] = "00:00:01";
            await using var host = await IdentityJobHost.StartAsync(settings, typeof(IdentityFunctions));
            host.Recorder.PendingActions.Enqueue(WebPubSubAction.CreateSendToAllAction("x"));
            var watch = Stopwatch.StartNew();
            var error = Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("IdentityFunctions.Send"))!;
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(4)));
            Assert.That(Inner<AuthenticationFailedException>(error).Message, Does.Contain("within 1 s"));
            AssertPromptAndSecret(error, watch.Elapsed, host);
        }

        [Test]
        public async Task ANonPositiveTokenTimeoutIsAClearError()
        {
            using var _ = new IdentityEnvironment(_server.IdentityEndpoint, _server.IdentityHeader);
            var settings = Settings.ManagedIdentity(_server, "slow");
            settings["AzureWebJobs:extensions:webpubsub:tokenTimeout"] = "00:00:00";
            var error = Assert.CatchAsync(async () =>
            {
                // Refused at indexing or at the first call, whichever builds the connection first.
                await using var host = await IdentityJobHost.StartAsync(settings, typeof(IdentityFunctions));
                await host.CallAsync("IdentityFunctions.Negotiate", new { userId = "u" });
            })!;
            Assert.That(error.ToString(), Does.Contain("'extensions.webpubsub.tokenTimeout' (00:00:00) must be positive"));
        }

        [Test]
        public async Task PrincipalWithoutARoleIs403()
        {
            var (error, elapsed, host) = await NegotiateFailsAsync("no-role");
            var failed = (RequestFailedException)error;
            Assert.That(failed.Status, Is.EqualTo(403));
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "a 403 is not retried");
            Assert.That(failed.ErrorCode, Is.EqualTo("Error.Forbidden"));
            Assert.That(failed.Message, Does.Contain(DataPlaneRoleText));
            AssertPromptAndSecret(error, elapsed, host);
        }

        [Test]
        public async Task ReaderMayNotSend()
        {
            using var _ = new IdentityEnvironment(_server.IdentityEndpoint, _server.IdentityHeader);
            await using var host = await IdentityJobHost.StartAsync(Settings.ManagedIdentity(_server, "reader"), typeof(IdentityFunctions));
            host.Recorder.PendingActions.Enqueue(WebPubSubAction.CreateSendToAllAction("x"));
            var error = Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("IdentityFunctions.Send"))!;
            Assert.That(Inner<RequestFailedException>(error).Status, Is.EqualTo(403));
        }

        [Test]
        public async Task AnIdentityEndpointHandingOutExpiredTokensIsRefusedByTheCredential()
        {
            var (error, elapsed, host) = await NegotiateFailsAsync("expired");
            Assert.That(error, Is.InstanceOf<AuthenticationFailedException>());
            Assert.That(error.Message, Does.Contain("ExpiresOn"));
            AssertPromptAndSecret(error, elapsed, host);
        }

        [Test]
        public async Task ExpiredTokenIs401()
        {
            // The endpoint states an hour (so the credential keeps it) but the token expired ten minutes ago: a clock
            // skew between the identity endpoint and the service. The service says so.
            var (error, elapsed, host) = await NegotiateFailsAsync("skewed");
            var failed = (RequestFailedException)error;
            Assert.That(failed.Status, Is.EqualTo(401));
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "a 401 is not retried");
            Assert.That(failed.Message, Does.Contain("expired"));
            AssertPromptAndSecret(error, elapsed, host);
        }

        private const string DataPlaneRoleText = "Web PubSub Service Owner";

        private async Task<(Exception Error, TimeSpan Elapsed, IdentityJobHost Host)> NegotiateFailsAsync(
            string identity, string? identityEndpoint = null, string? tokenTimeout = null)
        {
            using var _ = new IdentityEnvironment(identityEndpoint ?? _server.IdentityEndpoint, _server.IdentityHeader);
            var settings = Settings.ManagedIdentity(_server, identity);
            if (tokenTimeout != null)
            {
                // host.json's extensions.webpubsub.tokenTimeout, as the Functions host hands it to WebJobs.
                settings["AzureWebJobs:extensions:webpubsub:tokenTimeout"] = tokenTimeout;
            }
            var host = await IdentityJobHost.StartAsync(settings, typeof(IdentityFunctions));
            try
            {
                var watch = Stopwatch.StartNew();
                var error = Assert.ThrowsAsync<FunctionInvocationException>(() => host.CallAsync("IdentityFunctions.Negotiate", new { userId = "u" }))!;
                // Negotiate fails while binding its parameter: FunctionInvocationException → InvalidOperationException → the cause.
                return (Cause(error), watch.Elapsed, host);
            }
            finally
            {
                await host.DisposeAsync();
            }
        }

        private void AssertPromptAndSecret(Exception error, TimeSpan elapsed, IdentityJobHost host)
        {
            Assert.That(elapsed, Is.LessThan(Prompt));
            foreach (var (what, text) in new[] { ("exception", error.ToString()), ("host log", host.Logs.AllText), ("stand-in log", _server.Logs.AllText) })
            {
                // "eyJ" starts every JWT ({"alg"... in base64url).
                Assert.That(text, Does.Not.Contain("eyJ"), what + " carries a token");
                Assert.That(text, Does.Not.Contain(_server.IdentityHeader), what + " carries IDENTITY_HEADER");
                Assert.That(text, Does.Not.Contain(_server.AccessKey), what + " carries the access key");
            }
        }

        private static Exception Cause(Exception error)
        {
            for (var e = error; e != null; e = e.InnerException)
            {
                if (e is AuthenticationFailedException or CredentialUnavailableException or RequestFailedException)
                {
                    return e;
                }
            }
            throw new AssertionException($"No credential or service error in {error}");
        }

        private static T Inner<T>(Exception error) where T : Exception
        {
            for (var e = error; e != null; e = e.InnerException)
            {
                if (e is T match)
                {
                    return match;
                }
            }
            throw new AssertionException($"No {typeof(T).Name} in {error}");
        }

        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
