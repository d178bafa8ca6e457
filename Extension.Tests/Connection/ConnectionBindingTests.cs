using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Linq;
using System.Threading.Tasks;
using Azure.Messaging.WebPubSub;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Host.Indexers;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Connection
{
    public static class NegotiateFunctions
    {
        public static readonly ConcurrentDictionary<string, object> Seen = new();

        [NoAutomaticTrigger]
        public static void Default([WebPubSubConnection(Hub = "chat", UserId = "alice")] WebPubSubConnection connection) => Seen["default"] = connection;

        [NoAutomaticTrigger]
        public static void Rich(
            [WebPubSubConnection(Hub = "chat", UserId = "bob", Roles = new[] { "webpubsub.joinLeaveGroup" }, Groups = new[] { "lobby" }, ExpiresAfterMinutes = 5)] WebPubSubConnection connection) =>
            Seen["rich"] = connection;

        [NoAutomaticTrigger]
        public static void Mqtt([WebPubSubConnection(ClientProtocol = WebPubSubClientProtocol.Mqtt)] WebPubSubConnection connection) => Seen["mqtt"] = connection;

        [NoAutomaticTrigger]
        public static void Script([WebPubSubConnection(Hub = "chat", Connection = "Local")] JObject connection) => Seen["script"] = connection;
    }

    public static class BadNegotiateFunctions
    {
        [NoAutomaticTrigger]
        public static void Missing([WebPubSubConnection(Hub = "chat", Connection = "Nowhere")] WebPubSubConnection connection)
        {
        }
    }

    public class ConnectionBindingTests
    {
        private const string Key = "negotiate-key-0123456789";
        private WebPubSubTestHost _host = null!;

        [OneTimeSetUp]
        public async Task Start()
        {
            _host = await WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?>
                {
                    ["WebPubSubConnectionString"] = $"Endpoint=https://abc.webpubsub.azure.com;AccessKey={Key};Version=1.0;",
                    ["WebPubSubHub"] = "defaulthub",
                    ["Local"] = $"Endpoint=http://localhost;Port=8080;AccessKey={Key};Version=1.0;",
                },
                null,
                typeof(NegotiateFunctions));
        }

        [OneTimeTearDown]
        public async Task Stop() => await _host.DisposeAsync();

        private static JwtSecurityToken Token(string token) => new JwtSecurityTokenHandler().ReadJwtToken(token);

        [Test]
        public async Task NegotiateGivesAUrlAndASignedTokenForTheUser()
        {
            await _host.CallAsync("NegotiateFunctions.Default");
            var connection = (WebPubSubConnection)NegotiateFunctions.Seen["default"];
            Assert.That(connection.BaseUri.ToString(), Is.EqualTo("wss://abc.webpubsub.azure.com/client/hubs/chat"));
            Assert.That(connection.Uri.ToString(), Is.EqualTo(connection.BaseUri + "?access_token=" + connection.AccessToken));
            var token = Token(connection.AccessToken);
            Assert.That(token.Audiences.Single(), Is.EqualTo("https://abc.webpubsub.azure.com/client/hubs/chat"));
            Assert.That(token.Subject, Is.EqualTo("alice"));
            Assert.That(token.ValidTo, Is.EqualTo(DateTime.UtcNow.AddMinutes(60)).Within(TimeSpan.FromMinutes(1)));
            Assert.That(connection.ToString(), Does.Not.Contain(connection.AccessToken));
        }

        [Test]
        public async Task RolesGroupsAndLifetimeReachTheToken()
        {
            await _host.CallAsync("NegotiateFunctions.Rich");
            var token = Token(((WebPubSubConnection)NegotiateFunctions.Seen["rich"]).AccessToken);
            Assert.That(token.Claims.Where(c => c.Type == "role").Select(c => c.Value), Is.EqualTo(new[] { "webpubsub.joinLeaveGroup" }));
            Assert.That(token.Claims.Where(c => c.Type == "webpubsub.group").Select(c => c.Value), Is.EqualTo(new[] { "lobby" }));
            Assert.That(token.ValidTo, Is.EqualTo(DateTime.UtcNow.AddMinutes(5)).Within(TimeSpan.FromMinutes(1)));
        }

        [Test]
        public async Task MqttClientsGetTheMqttPathAndTheDefaultHub()
        {
            await _host.CallAsync("NegotiateFunctions.Mqtt");
            var connection = (WebPubSubConnection)NegotiateFunctions.Seen["mqtt"];
            Assert.That(connection.BaseUri.ToString(), Is.EqualTo("wss://abc.webpubsub.azure.com/clients/mqtt/hubs/defaulthub"));
            Assert.That(Token(connection.AccessToken).Audiences.Single(), Is.EqualTo("https://abc.webpubsub.azure.com/clients/mqtt/hubs/defaulthub"));
        }

        [Test]
        public async Task ScriptsGetTheJsonShapeFromANamedConnection()
        {
            await _host.CallAsync("NegotiateFunctions.Script");
            var json = (JObject)NegotiateFunctions.Seen["script"];
            Assert.That(json["baseUrl"]!.ToString(), Is.EqualTo("ws://localhost:8080/client/hubs/chat"));
            Assert.That(json["url"]!.ToString(), Does.StartWith("ws://localhost:8080/client/hubs/chat?access_token="));
            Assert.That(json["accessToken"]!.ToString(), Is.Not.Empty);
        }

        [Test]
        public void UnknownConnectionNameFailsIndexingWithTheName()
        {
            var error = Assert.ThrowsAsync<FunctionIndexingException>(() => WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = CloudEventRequests.ConnectionString }, null, typeof(BadNegotiateFunctions)));
            Assert.That(error!.InnerException!.Message, Does.Contain("'Nowhere'"));
        }

        [Test]
        public void WebPubSubConnectionSplitsItsUri()
        {
            var connection = new WebPubSubConnection(new Uri("wss://h/client/hubs/x?access_token=a.b.c"));
            Assert.That(connection.BaseUri.ToString(), Is.EqualTo("wss://h/client/hubs/x"));
            Assert.That(connection.AccessToken, Is.EqualTo("a.b.c"));
        }
    }
}
