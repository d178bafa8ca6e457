using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FunctionsHost.Tests.Infrastructure;
using NUnit.Framework;

namespace FunctionsHost.Tests
{
    /// <summary>Start order, the system key, and a function app that cannot be loaded.</summary>
    [TestFixture]
    public sealed class LifecycleTests
    {
        [Test]
        public async Task BeforeTheJobHostStarts_EveryRouteIs503_ThenServes()
        {
            await using var host = await HostUnderTest.StartAsync(startJobHost: false);
            Assert.That(host.App.IsJobHostStarted, Is.False);

            using (var webhook = await host.Client.PostAsync(HostUnderTest.Webhook, new StringContent("{}")))
            {
                Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That(webhook.Headers.RetryAfter, Is.Not.Null);
            }
            using (var api = await host.Client.GetAsync("/api/index"))
            {
                Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            }

            await host.App.StartJobHostAsync();
            using var ready = await host.Client.GetAsync("/api/index");
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task SystemKey_WhenSet_IsRequiredOnWebhooksOnly()
        {
            await using var host = await HostUnderTest.StartAsync(true, "--Host:SystemKey=s3cret");

            async Task<HttpStatusCode> OptionsAsync(string path, string? header = null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Options, path);
                request.Headers.TryAddWithoutValidation("WebHook-Request-Origin", CloudEvents.Origin);
                if (header != null)
                {
                    request.Headers.TryAddWithoutValidation("x-functions-key", header);
                }
                using var response = await host.Client.SendAsync(request);
                return response.StatusCode;
            }

            Assert.That(await OptionsAsync(HostUnderTest.Webhook), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await OptionsAsync(HostUnderTest.Webhook + "?code=wrong"), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await OptionsAsync(HostUnderTest.Webhook, "wrong"), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await OptionsAsync("/runtime/webhooks/nosuchextension"), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await OptionsAsync(HostUnderTest.Webhook + "?code=s3cret"), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await OptionsAsync(HostUnderTest.Webhook, "s3cret"), Is.EqualTo(HttpStatusCode.OK));

            // A signed event with the key in the query: the extension sees the whole URL and still accepts it.
            using (var connect = await host.Client.SendAsync(CloudEvents.Connect(HostUnderTest.Webhook + "?code=s3cret", "alice")))
            {
                Assert.That(connect.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            using var api = await host.Client.GetAsync("/api/index");
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public void NoFunctionApp_FailsToBuildWithAClearMessage()
        {
            var e = Assert.Throws<FunctionAppLoadException>(() => FunctionsHostApp.Build(new[] { "--urls=http://127.0.0.1:0" }))!;
            Assert.That(e.Message, Does.Contain("Host:Functions"));
        }

        [Test]
        public void AMissingFunctionApp_FailsToBuildWithItsPath()
        {
            var e = Assert.Throws<FunctionAppLoadException>(() => FunctionsHostApp.Build(new[] { "--urls=http://127.0.0.1:0", "--Host:Functions=/nonexistent/App.dll" }))!;
            Assert.That(e.Message, Does.Contain("/nonexistent/App.dll"));
        }
    }
}
