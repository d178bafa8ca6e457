using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Connection;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Bindings;
using Microsoft.Azure.WebJobs.Host.Indexers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Connection
{
    public static class TemplateNegotiateFunctions
    {
        public static readonly ConcurrentDictionary<string, object> Seen = new();

        [NoAutomaticTrigger]
        public static void FromArguments([WebPubSubConnection(Hub = "{hub}", UserId = "{userId}")] WebPubSubConnection connection, string hub, string userId) =>
            Seen["arguments:" + userId] = connection;

        [NoAutomaticTrigger]
        public static void FromSettings([WebPubSubConnection(Hub = "%NegotiateHub%", UserId = "%UserPrefix%-{userId}")] WebPubSubConnection connection, string userId) =>
            Seen["settings:" + userId] = connection;

        public static void FromQuery([HttpTrigger("get")] HttpRequest req, [WebPubSubConnection(Hub = "chat", UserId = "{query.userid}")] WebPubSubConnection connection) =>
            Seen["query"] = connection;

        public static void FromHeader([HttpTrigger("get")] HttpRequest req, [WebPubSubConnection(Hub = "chat", UserId = "{headers.x-ms-client-principal-name}")] string connection) =>
            Seen["header"] = connection;

        [NoAutomaticTrigger]
        public static void AsText([WebPubSubConnection(Hub = "chat", UserId = "{userId}")] string connection, string userId) => Seen["text:" + userId] = connection;

        [NoAutomaticTrigger]
        public static void AsJson([WebPubSubConnection(Hub = "chat", UserId = "{userId}")] JObject connection, string userId) => Seen["json:" + userId] = connection;

        [NoAutomaticTrigger]
        public static void Absent([WebPubSubConnection(Hub = "chat", UserId = "{absent}")] WebPubSubConnection connection) => Seen["absent"] = connection;

        [NoAutomaticTrigger]
        public static void Lifetime([WebPubSubConnection(Hub = "chat", ExpiresAfterMinutes = 0)] WebPubSubConnection connection) => Seen["lifetime"] = connection;
    }

    public static class ObjectNegotiate
    {
        [NoAutomaticTrigger]
        public static void F([WebPubSubConnection(Hub = "chat")] object connection) { }
    }

    public static class BytesNegotiate
    {
        [NoAutomaticTrigger]
        public static void F([WebPubSubConnection(Hub = "chat")] byte[] connection) { }
    }

    public static class TokenNegotiate
    {
        [NoAutomaticTrigger]
        public static void F([WebPubSubConnection(Hub = "chat")] JToken connection) { }
    }

    public static class UnknownSettingNegotiate
    {
        [NoAutomaticTrigger]
        public static void F([WebPubSubConnection(Hub = "%NoSuchSetting%")] WebPubSubConnection connection) { }
    }

    public static class NoHubNegotiate
    {
        [NoAutomaticTrigger]
        public static void F([WebPubSubConnection(UserId = "{userId}")] WebPubSubConnection connection, string userId) { }
    }

    /// <summary>The negotiate binding's own provider: what is resolved when, the parameter types, and what fails where.</summary>
    public class ConnectionBindingProviderTests
    {
        private const string ConnectionString = "Endpoint=https://abc.webpubsub.azure.com;AccessKey=negotiate-key-0123456789;Version=1.0;";
        private static readonly Dictionary<string, string?> Settings = new()
        {
            ["WebPubSubConnectionString"] = ConnectionString,
            ["NegotiateHub"] = "settinghub",
            ["UserPrefix"] = "pre",
        };

        private readonly CountingNameResolver _names = new(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        private WebPubSubTestHost _host = null!;

        [OneTimeSetUp]
        public async Task Start()
        {
            _host = await WebPubSubTestHost.StartAsync(Settings, s => s.AddSingleton<INameResolver>(_names), b => b.AddHttp(), typeof(TemplateNegotiateFunctions));
        }

        [OneTimeTearDown]
        public async Task Stop() => await _host.DisposeAsync();

        private static JwtSecurityToken Token(string token) => new JwtSecurityTokenHandler().ReadJwtToken(token);

        private static WebPubSubConnection Seen(string key) => (WebPubSubConnection)TemplateNegotiateFunctions.Seen[key];

        [Test]
        public async Task TemplatesAreBoundFromEachInvocationsBindingData()
        {
            await _host.CallAsync("TemplateNegotiateFunctions.FromArguments", new { hub = "h1", userId = "u1" });
            await _host.CallAsync("TemplateNegotiateFunctions.FromArguments", new { hub = "h2", userId = "u2" });

            Assert.That(Seen("arguments:u1").BaseUri.ToString(), Is.EqualTo("wss://abc.webpubsub.azure.com/client/hubs/h1"));
            Assert.That(Token(Seen("arguments:u1").AccessToken).Subject, Is.EqualTo("u1"));
            Assert.That(Seen("arguments:u2").BaseUri.ToString(), Is.EqualTo("wss://abc.webpubsub.azure.com/client/hubs/h2"));
            Assert.That(Token(Seen("arguments:u2").AccessToken).Subject, Is.EqualTo("u2"));
        }

        [Test]
        public async Task SettingsAreResolvedAtIndexingOnlyAndMayPrefixATemplate()
        {
            var before = (_names.Count("NegotiateHub"), _names.Count("UserPrefix"));
            Assert.That(before.Item1, Is.GreaterThan(0), "resolved at indexing");

            for (var i = 0; i < 3; i++)
            {
                await _host.CallAsync("TemplateNegotiateFunctions.FromSettings", new { userId = "u" + i });
            }

            Assert.That((_names.Count("NegotiateHub"), _names.Count("UserPrefix")), Is.EqualTo(before), "no setting lookups per invocation");
            var connection = Seen("settings:u2");
            Assert.That(connection.BaseUri.ToString(), Is.EqualTo("wss://abc.webpubsub.azure.com/client/hubs/settinghub"));
            Assert.That(Token(connection.AccessToken).Subject, Is.EqualTo("pre-u2"));
        }

        [Test]
        public async Task HttpQueryAndHeaderExpressionsReachTheToken()
        {
            var request = new DefaultHttpContext().Request;
            request.Method = "GET";
            request.QueryString = new QueryString("?userid=carol");
            request.Headers["x-ms-client-principal-name"] = "dave";

            await _host.CallAsync("TemplateNegotiateFunctions.FromQuery", new { req = request });
            await _host.CallAsync("TemplateNegotiateFunctions.FromHeader", new { req = request });

            Assert.That(Token(Seen("query").AccessToken).Subject, Is.EqualTo("carol"));
            var header = JObject.Parse((string)TemplateNegotiateFunctions.Seen["header"]);
            Assert.That(Token(header.Value<string>("accessToken")!).Subject, Is.EqualTo("dave"));
        }

        [Test]
        public async Task StringAndJObjectParametersGetTheConnectionJson()
        {
            await _host.CallAsync("TemplateNegotiateFunctions.AsText", new { userId = "t1" });
            await _host.CallAsync("TemplateNegotiateFunctions.AsJson", new { userId = "j1" });

            foreach (var (json, user) in new[] { (JObject.Parse((string)TemplateNegotiateFunctions.Seen["text:t1"]), "t1"), ((JObject)TemplateNegotiateFunctions.Seen["json:j1"], "j1") })
            {
                Assert.That(json.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "baseUrl", "url", "accessToken" }));
                // JObject parameters hold the Uri values themselves (as before); the text is the same either way.
                Assert.That(json["baseUrl"]!.ToString(), Is.EqualTo("wss://abc.webpubsub.azure.com/client/hubs/chat"));
                Assert.That(json["url"]!.ToString(), Is.EqualTo(json["baseUrl"] + "?access_token=" + json["accessToken"]));
                Assert.That(Token(json["accessToken"]!.ToString()).Subject, Is.EqualTo(user));
            }
        }

        [Test]
        public void MissingBindingDataFailsTheInvocationNamingTheMemberAndTheKey()
        {
            var error = Assert.ThrowsAsync<FunctionInvocationException>(() => _host.CallAsync("TemplateNegotiateFunctions.Absent"));

            var messages = Messages(error!);
            Assert.That(messages, Does.Contain("'UserId' ('{absent}')").And.Contain("'absent'"));
            Assert.That(TemplateNegotiateFunctions.Seen.ContainsKey("absent"), Is.False, "the function must not run with a null connection");
        }

        [Test]
        public void ABadLifetimeStillFailsEachInvocationNotTheIndexing()
        {
            var error = Assert.ThrowsAsync<FunctionInvocationException>(() => _host.CallAsync("TemplateNegotiateFunctions.Lifetime"));

            Assert.That(Messages(error!), Does.Contain("'ExpiresAfterMinutes' must be at least 1; got 0."));
            Assert.That(TemplateNegotiateFunctions.Seen.ContainsKey("lifetime"), Is.False);
        }

        [TestCase(typeof(ObjectNegotiate), "Can't bind WebPubSubConnection to type 'System.Object' (parameter 'connection')")]
        [TestCase(typeof(BytesNegotiate), "Can't bind WebPubSubConnection to type 'System.Byte[]'")]
        [TestCase(typeof(TokenNegotiate), "Can't bind WebPubSubConnection to type 'Newtonsoft.Json.Linq.JToken'")]
        [TestCase(typeof(UnknownSettingNegotiate), "'%NoSuchSetting%' does not resolve to a value.")]
        [TestCase(typeof(NoHubNegotiate), "WebPubSubConnection: no hub.")]
        public void InvalidBindingsFailIndexing(Type functions, string message)
        {
            var error = Assert.ThrowsAsync<FunctionIndexingException>(() => WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = ConnectionString }, null, functions));
            Assert.That(error!.InnerException!.Message, Does.Contain(message));
        }

        [Test]
        public async Task TheBindingDescribesHubAndUserButNeverTheToken()
        {
            var binding = await CreateBindingAsync(nameof(TemplateNegotiateFunctions.FromArguments));
            var context = new BindingContext(ValueContext(), new Dictionary<string, object> { ["hub"] = "h3", ["userId"] = "u3" });

            var provider = await binding.BindAsync(context);
            var connection = (WebPubSubConnection)(await provider.GetValueAsync())!;

            Assert.That(binding.FromAttribute, Is.True);
            Assert.That(binding.ToParameterDescriptor().Name, Is.EqualTo("connection"));
            Assert.That(provider.Type, Is.EqualTo(typeof(WebPubSubConnection)));
            Assert.That(provider.ToInvokeString(), Is.EqualTo("{\"Hub\":\"h3\",\"UserId\":\"u3\"}"));
            Assert.That(provider.ToInvokeString(), Does.Not.Contain(connection.AccessToken));

            var quoted = await binding.BindAsync(new BindingContext(ValueContext(), new Dictionary<string, object> { ["hub"] = "h3", ["userId"] = "say \"hi\"\\\n" }));
            Assert.That(JObject.Parse(quoted.ToInvokeString()).Value<string>("UserId"), Is.EqualTo("say \"hi\"\\\n"));
        }

        [Test]
        public async Task AnInvokeStringReplaysTheInvocation()
        {
            var binding = await CreateBindingAsync(nameof(TemplateNegotiateFunctions.FromArguments));

            var provider = await binding.BindAsync("{\"Hub\":\"h4\",\"UserId\":\"u4\"}", ValueContext());
            var connection = (WebPubSubConnection)(await provider.GetValueAsync())!;

            Assert.That(connection.BaseUri.ToString(), Is.EqualTo("wss://abc.webpubsub.azure.com/client/hubs/h4"));
            Assert.That(Token(connection.AccessToken).Subject, Is.EqualTo("u4"));
        }

        private async Task<IBinding> CreateBindingAsync(string method)
        {
            var services = _host.Services;
            var connections = services.GetRequiredService<WebPubSubConnectionResolver>();
            var provider = new WebPubSubConnectionBindingProvider(_names, connections,
                new WebPubSubConnectionBuilder(connections, services.GetRequiredService<IWebPubSubServiceClientFactory>()));
            var parameter = typeof(TemplateNegotiateFunctions).GetMethod(method)!.GetParameters()[0];
            return (await provider.TryCreateAsync(new BindingProviderContext(parameter, null, CancellationToken.None)))!;
        }

        private static ValueBindingContext ValueContext() => new(new FunctionBindingContext(Guid.NewGuid(), CancellationToken.None), CancellationToken.None);

        private static string Messages(Exception error)
        {
            var text = string.Empty;
            for (var e = error; e != null; e = e.InnerException)
            {
                text += e.Message + Environment.NewLine;
            }
            return text;
        }

        /// <summary>Resolves from configuration like WebJobs' default resolver, counting the lookups per name.</summary>
        private sealed class CountingNameResolver : INameResolver
        {
            private readonly IConfiguration _configuration;
            private readonly ConcurrentDictionary<string, int> _counts = new();

            public CountingNameResolver(IConfiguration configuration) => _configuration = configuration;

            public int Count(string name) => _counts.TryGetValue(name, out var count) ? count : 0;

            public string? Resolve(string name)
            {
                _counts.AddOrUpdate(name, 1, (_, count) => count + 1);
                return _configuration[name];
            }
        }
    }
}
