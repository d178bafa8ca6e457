using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hosting
{
    /// <summary>
    /// The built app's functions, loaded from its bin folder into a JobHost with this extension: the values the
    /// Functions SDK build left out of function.json (named array arguments) reach the bindings.
    /// </summary>
    public partial class FunctionAppBuildTests
    {
        private const string OtherKey = "other-key-0123456789abcdef012345";
        private const string ResultKey = "FunctionResult";

        private LocalHttpServer? _service;
        private WebPubSubTestHost? _host;

        [Test]
        public async Task NegotiateTokenCarriesTheRolesGroupsAndLifetimeOfTheBuiltApp()
        {
            var connection = (WebPubSubConnection)await CallHttpAsync("negotiate", HttpMethod.Get, "?userid=alice");
            Assert.That(connection.BaseUri.AbsolutePath, Is.EqualTo("/client/hubs/chat"));
            var token = Validate(connection.AccessToken, AccessKey);
            Assert.That(token.Subject, Is.EqualTo("alice"));
            Assert.That(token.Claims.Where(c => c.Type == "role").Select(c => c.Value), Is.EqualTo(new[] { "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup.lobby" }));
            Assert.That(token.Claims.Where(c => c.Type == "webpubsub.group").Select(c => c.Value), Is.EqualTo(new[] { "lobby", "news" }));
            Assert.That(token.ValidTo, Is.EqualTo(DateTime.UtcNow.AddMinutes(30)).Within(TimeSpan.FromMinutes(1)));
        }

        [Test]
        public async Task MqttNegotiateUsesTheNamedConnectionOfTheBuiltApp()
        {
            var connection = (WebPubSubConnection)await CallHttpAsync("negotiateMqtt", HttpMethod.Get, "?userid=bob");
            Assert.That(connection.BaseUri.AbsolutePath, Is.EqualTo("/clients/mqtt/hubs/chat"));
            Assert.That(Validate(connection.AccessToken, OtherKey).Subject, Is.EqualTo("bob"));
        }

        [TestCase("validate", HttpStatusCode.OK, HttpStatusCode.Unauthorized)]
        [TestCase("validateParams", HttpStatusCode.Unauthorized, HttpStatusCode.OK)]
        [TestCase("validateNamed", HttpStatusCode.Unauthorized, HttpStatusCode.OK)]
        [TestCase("validateLegacy", HttpStatusCode.Unauthorized, HttpStatusCode.OK)]
        public async Task ContextValidatesWithTheConnectionsOfTheBuiltApp(string function, HttpStatusCode fromDefault, HttpStatusCode fromOther)
        {
            await HostAsync();
            async Task<HttpStatusCode> Status(string key) =>
                ((HttpResponseMessage)await CallHttpAsync(function, SignedEvent("connected", key))).StatusCode;

            Assert.That(await Status(AccessKey), Is.EqualTo(fromDefault));
            Assert.That(await Status(OtherKey), Is.EqualTo(fromOther));
        }

        [TestCase("connected", HttpStatusCode.OK, HttpStatusCode.Unauthorized)]
        [TestCase("message", HttpStatusCode.OK, HttpStatusCode.OK)]
        [TestCase("disconnected", HttpStatusCode.Unauthorized, HttpStatusCode.OK)]
        public async Task TriggerValidatesWithTheConnectionsOfTheBuiltApp(string eventName, HttpStatusCode fromDefault, HttpStatusCode fromOther)
        {
            var host = await HostAsync();
            foreach (var (key, expected) in new[] { (AccessKey, fromDefault), (OtherKey, fromOther) })
            {
                using var response = await host.SendAsync(SignedEvent(eventName, key));
                Assert.That(response.StatusCode, Is.EqualTo(expected), $"{eventName} signed with the {(key == AccessKey ? "default" : "Other")} key: {await response.Content.ReadAsStringAsync()}");
            }
        }

        [Test]
        public async Task OutputUsesTheNamedConnectionOfTheBuiltApp()
        {
            var host = await HostAsync();
            while (_service!.Requests.TryDequeue(out _))
            {
            }
            using var response = await host.SendAsync(SignedEvent("disconnected", OtherKey));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var send = _service.Requests.Single();
            Assert.That(new Uri(send.Url).AbsolutePath, Is.EqualTo("/api/hubs/chat/:send"));
            Validate(send.Header("Authorization")!.Substring("Bearer ".Length), OtherKey);
        }

        [Test]
        public async Task GeneratedBindingsRebuildOurAttributesInTheHost()
        {
            // The host turns function.json bindings back into attributes (every non-C# language depends on this).
#pragma warning disable CS0618 // IJobHostMetadataProvider is what the Functions host uses for function.json; it is marked "not ready".
            var metadata = (await HostAsync()).Services.GetRequiredService<IJobHostMetadataProvider>();
            T Rebuild<T>(string function, string type) where T : Attribute =>
                (T)metadata.GetAttribute(metadata.GetAttributeTypeFromName(type), Binding(function, type));
#pragma warning restore CS0618

            var mqtt = Rebuild<WebPubSubTriggerAttribute>("mqttConnect", "webPubSubTrigger");
            Assert.That((mqtt.Hub, mqtt.EventType, mqtt.EventName, mqtt.ClientProtocols, mqtt.Connections),
                Is.EqualTo(("chat", WebPubSubEventType.System, "connect", WebPubSubTriggerAcceptedClientProtocols.Mqtt, new[] { "Other" })));
            var user = Rebuild<WebPubSubTriggerAttribute>("message", "webPubSubTrigger");
            Assert.That((user.EventType, user.EventName, user.Connections), Is.EqualTo((WebPubSubEventType.User, "message", new[] { "WebPubSubConnectionString", "Other" })));
            var output = Rebuild<WebPubSubAttribute>("disconnected", "webPubSub");
            Assert.That((output.Hub, output.Connection), Is.EqualTo(("chat", "Other")));
            var connection = Rebuild<WebPubSubConnectionAttribute>("negotiate", "webPubSubConnection");
            Assert.That((connection.Hub, connection.UserId, connection.ExpiresAfterMinutes), Is.EqualTo(("chat", "{query.userid}", 30)));
            Assert.That(Rebuild<WebPubSubContextAttribute>("validateParams", "webPubSubContext").Connections, Is.EqualTo(new[] { "Other" }));
        }

        /// <summary>A Web PubSub event for hub <c>chat</c> from the local service, signed only with <paramref name="key"/>.</summary>
        private HttpRequestMessage SignedEvent(string eventName, string key)
        {
            var (type, content) = eventName switch
            {
                "message" => ("azure.webpubsub.user.message", new StringContent("hi", Encoding.UTF8, "text/plain")),
                "disconnected" => ("azure.webpubsub.sys.disconnected", Json("{\"reason\":\"bye\"}")),
                _ => ("azure.webpubsub.sys." + eventName, Json("{}")),
            };
            return Event("chat", type, eventName, content, headers: new Dictionary<string, string?>
            {
                ["WebHook-Request-Origin"] = _service!.BaseUri.Host,
                ["ce-signature"] = Sign("conn-1", key),
            });
        }

        private async Task<object> CallHttpAsync(string function, HttpMethod method, string query)
        {
            var request = HttpRequests.ToHttpRequest(new HttpRequestMessage(method, "http://localhost/api/" + function));
            request.QueryString = new QueryString(query);
            return await CallHttpAsync(function, request);
        }

        private Task<object> CallHttpAsync(string function, HttpRequestMessage message) =>
            CallHttpAsync(function, HttpRequests.ToHttpRequest(message));

        private async Task<object> CallHttpAsync(string function, HttpRequest request)
        {
            await (await HostAsync()).CallAsync(function, new { req = request });
            return request.HttpContext.Items[ResultKey]!;
        }

        private static JwtSecurityToken Validate(string token, string key)
        {
            new JwtSecurityTokenHandler().ValidateToken(token, new TokenValidationParameters
            {
                ValidateAudience = false,
                ValidateIssuer = false,
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
            }, out var validated);
            return (JwtSecurityToken)validated;
        }

        /// <summary>Starts, once, a JobHost with the built app's functions; both connections point at a local service.</summary>
        private async Task<WebPubSubTestHost> HostAsync()
        {
            if (_host != null)
            {
                return _host;
            }
            _service = new LocalHttpServer { Handler = (_, r) => { r.StatusCode = 202; return Task.CompletedTask; } };
            var endpoint = $"Endpoint=http://{_service.BaseUri.Host};Port={_service.BaseUri.Port};Version=1.0;";
            var app = FunctionAppBuild.Load(_outputDirectory, "WebPubSubFunctionApp");
            _host = await WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?>
                {
                    ["WebPubSubConnectionString"] = endpoint + "AccessKey=" + AccessKey + ";",
                    ["Other"] = endpoint + "AccessKey=" + OtherKey + ";",
                    ["WebPubSubHub"] = "chat",
                },
                null,
                b => b.AddHttp(o => o.SetResponse = (request, result) => request.HttpContext.Items[ResultKey] = result),
                app.GetType("WebPubSubFunctionApp.ChatFunctions", throwOnError: true)!);
            return _host;
        }

        private void StopTheHost()
        {
            _host?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _service?.Dispose();
        }
    }
}
