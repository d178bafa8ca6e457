using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

#pragma warning disable CS0618 // IJobHostMetadataProvider is what the Functions host uses for function.json; it is marked "not ready".
namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hosting
{
    /// <summary>
    /// function.json bindings with JSON arrays (<c>roles</c>, <c>groups</c>, <c>connections</c>) and the singular
    /// <c>connection</c>, taken the Functions host's way: attribute from <see cref="IJobHostMetadataProvider"/>,
    /// emitted onto a function's parameter, indexed and run by a JobHost.
    /// </summary>
    public class ScriptBindingTests
    {
        private const string OtherKey = "other-key-0123456789abcdef012345";
        private static readonly Dictionary<string, string?> Settings = new()
        {
            ["WebPubSubConnectionString"] = ConnectionString,
            ["Other"] = $"Endpoint=https://{ServiceHost};AccessKey={OtherKey};Version=1.0;",
        };

        private WebPubSubTestHost _host = null!;

        [OneTimeSetUp]
        public async Task Start()
        {
            Attribute FromJson(Type type, string json)
            {
                // A host without functions has the same metadata provider; the attributes it builds go on the functions.
                var metadata = (IJobHostMetadataProvider)_host.Services.GetService(typeof(IJobHostMetadataProvider))!;
                return metadata.GetAttribute(type, JObject.Parse(json));
            }

            _host = await WebPubSubTestHost.StartAsync(Settings, null);
            var negotiate = FromJson(typeof(WebPubSubConnectionAttribute),
                "{'type':'webPubSubConnection','name':'connection','hub':'chat','userId':'u1','roles':['r1','r2'],'groups':['g1','g2'],'expiresAfterMinutes':5,'connection':'Other'}");
            var context = FromJson(typeof(WebPubSubContextAttribute), "{'type':'webPubSubContext','name':'context','connections':['Other']}");
            var legacyContext = FromJson(typeof(WebPubSubContextAttribute), "{'type':'webPubSubContext','name':'context','connection':'Other'}");
            var trigger = FromJson(typeof(WebPubSubTriggerAttribute),
                "{'type':'webPubSubTrigger','name':'request','hub':'chat','eventType':'user','eventName':'message','connections':['Other']}");
            var legacyTrigger = FromJson(typeof(WebPubSubTriggerAttribute),
                "{'type':'webPubSubTrigger','name':'request','hub':'chat','eventType':'user','eventName':'legacy','connection':'Other'}");
            await _host.DisposeAsync();

            var http = ScriptFunctionEmitter.Simple<HttpTriggerAttribute>((object)new[] { "post" });
            var functions = ScriptFunctionEmitter.Emit("ScriptBindingFunctions",
                new ScriptFunction("negotiate", false, new ScriptParameter("connection", typeof(WebPubSubConnection), Build(negotiate))),
                new ScriptFunction("context", false, new ScriptParameter("req", typeof(HttpRequest), http), new ScriptParameter("context", typeof(WebPubSubContext), Build(context))),
                new ScriptFunction("legacyContext", false, new ScriptParameter("req", typeof(HttpRequest), http), new ScriptParameter("context", typeof(WebPubSubContext), Build(legacyContext))),
                new ScriptFunction("message", true, new ScriptParameter("request", typeof(UserEventRequest), Build(trigger))),
                new ScriptFunction("legacy", true, new ScriptParameter("request", typeof(UserEventRequest), Build(legacyTrigger))));
            _host = await WebPubSubTestHost.StartAsync(Settings, null, b => b.AddHttp(), functions);
        }

        [OneTimeTearDown]
        public async Task Stop() => await _host.DisposeAsync();

        private static System.Reflection.Emit.CustomAttributeBuilder Build(Attribute attribute) => ScriptFunctionEmitter.FromInstance(attribute);

        [Test]
        public async Task RolesGroupsLifetimeAndConnectionFromJsonReachTheToken()
        {
            await _host.CallAsync("negotiate");
            var connection = (WebPubSubConnection)ScriptCalls.Arguments["negotiate"][0]!;
            var token = new JwtSecurityTokenHandler().ReadJwtToken(connection.AccessToken);
            Assert.That(token.Subject, Is.EqualTo("u1"));
            Assert.That(token.Claims.Where(c => c.Type == "role").Select(c => c.Value), Is.EqualTo(new[] { "r1", "r2" }));
            Assert.That(token.Claims.Where(c => c.Type == "webpubsub.group").Select(c => c.Value), Is.EqualTo(new[] { "g1", "g2" }));
            Assert.That(token.ValidTo, Is.EqualTo(DateTime.UtcNow.AddMinutes(5)).Within(TimeSpan.FromMinutes(1)));
            // Signed with the named connection's key, not the default one.
            Assert.DoesNotThrow(() => Validate(connection.AccessToken, OtherKey));
        }

        [TestCase("context")]
        [TestCase("legacyContext")]
        public async Task ContextValidatesWithTheConnectionsFromJson(string function)
        {
            Assert.That((await RunContextAsync(function, FromOther())).HasError, Is.False);
            var fromDefault = await RunContextAsync(function, User("chat", "message", Encoding.UTF8.GetBytes("hi"), "text/plain"));
            Assert.That(fromDefault.Response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        [TestCase("message")]
        [TestCase("legacy")]
        public async Task TriggerValidatesWithTheConnectionsFromJson(string eventName)
        {
            using var fromOther = await _host.SendAsync(FromOther(eventName));
            Assert.That(fromOther.StatusCode, Is.EqualTo(HttpStatusCode.OK), await fromOther.Content.ReadAsStringAsync());
            using var fromDefault = await _host.SendAsync(User("chat", eventName, Encoding.UTF8.GetBytes("hi"), "text/plain"));
            Assert.That(fromDefault.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        /// <summary>A user event signed only with the key of the connection named <c>Other</c>.</summary>
        private static HttpRequestMessage FromOther(string eventName = "message") =>
            User("chat", eventName, Encoding.UTF8.GetBytes("hi"), "text/plain",
                new Dictionary<string, string?> { ["ce-signature"] = Sign("conn-1", OtherKey) });

        private async Task<WebPubSubContext> RunContextAsync(string function, HttpRequestMessage message)
        {
            await _host.CallAsync(function, new { req = HttpRequests.ToHttpRequest(message) });
            return (WebPubSubContext)ScriptCalls.Arguments[function][1]!;
        }

        private static void Validate(string token, string key) =>
            new JwtSecurityTokenHandler().ValidateToken(token, new Microsoft.IdentityModel.Tokens.TokenValidationParameters
            {
                ValidateAudience = false,
                ValidateIssuer = false,
                IssuerSigningKey = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
            }, out _);
    }
}
