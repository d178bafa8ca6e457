using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.ContextBinding
{
    public static class ContextFunctions
    {
        public static WebPubSubContext? Last;
        public static JObject? LastJson;

        public static void Typed([HttpTrigger("post", "options")] HttpRequest req, [WebPubSubContext] WebPubSubContext context) => Last = context;

        public static void Script([HttpTrigger("post", "options")] HttpRequest req, [WebPubSubContext] JObject context) => LastJson = context;
    }

    /// <summary>The context binding runs the same pipeline steps as the webhook, for HTTP-triggered functions.</summary>
    public class ContextBindingTests
    {
        private WebPubSubTestHost _host = null!;

        [OneTimeSetUp]
        public async Task Start()
        {
            _host = await WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = ConnectionString },
                null,
                b => b.AddHttp(),
                typeof(ContextFunctions));
        }

        [OneTimeTearDown]
        public async Task Stop() => await _host.DisposeAsync();

        private static HttpRequest ToHttpRequest(System.Net.Http.HttpRequestMessage message)
        {
            var context = new DefaultHttpContext();
            var request = context.Request;
            request.Method = message.Method.Method;
            foreach (var header in message.Headers)
            {
                request.Headers[header.Key] = header.Value.ToArray();
            }
            if (message.Content != null)
            {
                foreach (var header in message.Content.Headers)
                {
                    request.Headers[header.Key] = header.Value.ToArray();
                }
                request.Body = new MemoryStream(message.Content.ReadAsByteArrayAsync().Result);
            }
            return request;
        }

        private async Task<WebPubSubContext> RunAsync(System.Net.Http.HttpRequestMessage message)
        {
            await _host.CallAsync("ContextFunctions.Typed", new { req = ToHttpRequest(message) });
            return ContextFunctions.Last!;
        }

        [Test]
        public async Task PreflightFromAConfiguredOriginIsValid()
        {
            var context = await RunAsync(Options(ServiceHost));
            Assert.That(context.IsPreflight, Is.True);
            Assert.That(((PreflightRequest)context.Request).IsValid, Is.True);
            Assert.That(context.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task PreflightFromAForeignOriginIsInvalid()
        {
            var context = await RunAsync(Options("evil.example.com"));
            Assert.That(((PreflightRequest)context.Request).IsValid, Is.False);
            Assert.That(context.Response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        [Test]
        public async Task ValidConnectIsParsed()
        {
            var context = await RunAsync(Connect("chat"));
            Assert.That(context.HasError, Is.False, context.ErrorMessage);
            var request = (ConnectEventRequest)context.Request;
            Assert.That(request.ConnectionContext.ConnectionId, Is.EqualTo("conn-1"));
            Assert.That(request.Claims!["sub"], Is.EqualTo(new[] { "user-1" }));
            Assert.That(context.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task UserEventDataIsRead()
        {
            var context = await RunAsync(User("chat", "message", Encoding.UTF8.GetBytes("hello"), "text/plain"));
            var request = (UserEventRequest)context.Request;
            Assert.That(request.Data.ToString(), Is.EqualTo("hello"));
            Assert.That(request.DataType, Is.EqualTo(WebPubSubDataType.Text));
        }

        [Test]
        public async Task BadSignatureIsAnErrorContextWith401()
        {
            var context = await RunAsync(Connected("chat", new Dictionary<string, string?> { ["ce-signature"] = "sha256=00" }));
            Assert.That(context.HasError, Is.True);
            Assert.That(context.Request, Is.Null);
            Assert.That(context.Response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        [Test]
        public async Task MissingHeadersAreAnErrorContextWith400()
        {
            var context = await RunAsync(Connected("chat", new Dictionary<string, string?> { ["ce-type"] = null }));
            Assert.That(context.HasError, Is.True);
            Assert.That(context.ErrorMessage, Does.Contain("ce-type"));
            Assert.That(context.Response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        [Test]
        public async Task ScriptsGetTheUpstreamJsonShape()
        {
            await _host.CallAsync("ContextFunctions.Script", new { req = ToHttpRequest(Disconnected("chat", "gone")) });
            var json = ContextFunctions.LastJson!;
            Assert.That(json["request"]!["reason"]!.ToString(), Is.EqualTo("gone"));
            Assert.That(json["request"]!["connectionContext"]!["eventType"]!.ToString(), Is.EqualTo("System"));
            Assert.That(json["response"]!["status"]!.Value<int>(), Is.EqualTo(200));
            Assert.That(json["hasError"]!.Value<bool>(), Is.False);
            Assert.That(json["isPreflight"]!.Value<bool>(), Is.False);
            Assert.That(json["errorMessage"]!.Type, Is.EqualTo(JTokenType.Null));
        }

        [Test]
        public async Task ScriptErrorContextHasNoRequestAndKeepsTheMessage()
        {
            await _host.CallAsync("ContextFunctions.Script", new { req = ToHttpRequest(Connected("chat", new Dictionary<string, string?> { ["ce-signature"] = null })) });
            var json = ContextFunctions.LastJson!;
            Assert.That(json.ContainsKey("request"), Is.False);
            Assert.That(json["response"]!["status"]!.Value<int>(), Is.EqualTo(401));
            Assert.That(json["response"]!["body"]!.ToString(), Is.EqualTo(json["errorMessage"]!.ToString()));
            Assert.That(json["response"]!["headers"]!["Content-Type"], Is.Not.Null);
            Assert.That(json["hasError"]!.Value<bool>(), Is.True);
        }
    }
}
