using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FunctionsHost.Tests.Infrastructure;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub;
using NUnit.Framework;

namespace FunctionsHost.Tests
{
    /// <summary><c>/api/{function}</c>: HTTP-triggered functions invoked through the JobHost, results written back.</summary>
    [TestFixture]
    public sealed class HttpFunctionTests
    {
        private HostUnderTest _host = null!;

        [OneTimeSetUp]
        public async Task StartAsync() => _host = await SharedHost.GetAsync();

        private HttpClient Client => _host.Client;

        [Test]
        public async Task Negotiate_ReturnsTheConnectionInItsUpstreamJsonShape()
        {
            using var response = await Client.GetAsync("/api/negotiate?userid=u");
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));

            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "baseUrl", "url", "accessToken" }));
            var baseUrl = $"ws://localhost:{_host.Stub.Port}/client/hubs/chat";
            Assert.That(root.GetProperty("baseUrl").GetString(), Is.EqualTo(baseUrl));
            var token = root.GetProperty("accessToken").GetString()!;
            Assert.That(root.GetProperty("url").GetString(), Is.EqualTo(baseUrl + "?access_token=" + token));

            using var claims = JsonDocument.Parse(DecodeSegment(token.Split('.')[1]));
            Assert.That(claims.RootElement.GetProperty("sub").GetString(), Is.EqualTo("u"));
            Assert.That(claims.RootElement.GetProperty("role").EnumerateArray().Select(r => r.GetString()),
                Is.EquivalentTo(new[] { "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup" }));
        }

        [Test]
        public async Task Negotiate_ByPostWithABody_Works()
        {
            using var response = await Client.PostAsync("/api/negotiate?userid=poster", new StringContent("{\"hello\":1}", Encoding.UTF8, "application/json"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }

        [Test]
        public async Task Negotiate_WithoutUserId_IsABare500()
        {
            // {query.userid} cannot be resolved: a binding failure, answered as the Functions host does.
            using var response = await Client.GetAsync("/api/negotiate");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
        }

        [Test]
        public async Task Index_ReturnsTheChatPage()
        {
            using var response = await Client.GetAsync("/api/index");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            var html = await response.Content.ReadAsStringAsync();
            foreach (var id in new[] { "user", "connect", "message", "send", "messages", "status" })
            {
                Assert.That(html, Does.Contain($"id=\"{id}\""), id);
            }
            Assert.That(html, Does.Contain("json.webpubsub.azure.v1"));
            // Browser tests wait for #status to contain "connected": nothing before the socket opens may contain it.
            Assert.That(html, Does.Contain("<span id=\"status\">offline</span>"));
            Assert.That(html, Does.Contain("/api/negotiate?userid="));
            Assert.That(html, Does.Not.Contain("<script src"), "self-contained: no external scripts");
        }

        [Test]
        public async Task FunctionNames_AreCaseInsensitive()
        {
            using var response = await Client.GetAsync("/api/INDEX");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task UnknownFunction_Is404()
        {
            using var response = await Client.GetAsync("/api/nothing");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        [Test]
        public async Task TriggerFunctions_AreNotHttpFunctions()
        {
            using var response = await Client.GetAsync("/api/connect");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        [Test]
        public async Task AMethodTheTriggerDoesNotAccept_Is405()
        {
            using var response = await Client.DeleteAsync("/api/index");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET" }));
        }

        [Test]
        public void TheAppIsLoadedInItsOwnContext_SharingTheHostsWebJobsAndExtension()
        {
            var app = _host.App.Functions;
            Assert.That(AssemblyLoadContext.GetLoadContext(app.Assembly), Is.SameAs(app.LoadContext));
            Assert.That(app.LoadContext, Is.Not.SameAs(AssemblyLoadContext.Default));

            var connect = app.Assembly.GetType("Chat.ChatFunctions", throwOnError: true)!.GetMethod("Connect")!;
            var trigger = connect.GetParameters()[0].GetCustomAttributes(inherit: false).Single();
            Assert.That(trigger.GetType(), Is.SameAs(typeof(WebPubSubTriggerAttribute)));
            Assert.That(connect.GetCustomAttributes(typeof(FunctionNameAttribute), false), Has.Length.EqualTo(1));
            Assert.That(app.HttpFunctions.Keys, Is.EquivalentTo(new[] { "index", "negotiate" }));
            Assert.That(app.HttpFunctions["negotiate"].TriggerParameterName, Is.EqualTo("req"));
        }

        private static byte[] DecodeSegment(string segment)
        {
            var s = segment.Replace('-', '+').Replace('_', '/');
            return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
        }
    }
}
