using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Host.Indexers;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Trigger
{
    /// <summary>Startup behaviour: configuration, indexing errors and validation modes, each in a host of its own.</summary>
    public class TriggerHostingTests
    {
        private static string AllMessages(Exception error) =>
            error.InnerException == null ? error.Message : error.Message + " | " + AllMessages(error.InnerException);

        [Test]
        public void DuplicateRoutesFailStartupNamingBothFunctions()
        {
            var error = Assert.CatchAsync(() => WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = ConnectionString }, null, typeof(DuplicateFunctions)));
            Assert.That(AllMessages(error!), Does.Contain("'first'").And.Contain("'second'"));
        }

        [Test]
        public void ValueTypeTriggerParameterFailsIndexingWithAClearMessage()
        {
            var error = Assert.ThrowsAsync<FunctionIndexingException>(() => WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = ConnectionString }, null, typeof(IntTriggerFunctions)));
            Assert.That(error!.InnerException!.Message, Does.Contain("Int32"));
        }

        [Test]
        public async Task CustomOnlyConnectionAndHubFromSettingsWork()
        {
            const string otherKey = "other-key";
            await using var host = await WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?>
                {
                    ["Other"] = $"Endpoint=https://{ServiceHost};AccessKey={otherKey};Version=1.0;",
                    ["HubSetting"] = "fromsetting",
                },
                null,
                typeof(SettingHubFunctions));

            var signedWithOther = Event("fromsetting", "azure.webpubsub.sys.connected", "connected", Json("{}"), key: otherKey);
            Assert.That((await host.SendAsync(signedWithOther)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Seen.Values["settingHub"], Is.Not.Null);

            var signedWithDefault = Event("fromsetting", "azure.webpubsub.sys.connected", "connected", Json("{}"));
            Assert.That((await host.SendAsync(signedWithDefault)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        [Test]
        public void UnresolvableHubSettingFailsIndexing()
        {
            var error = Assert.ThrowsAsync<FunctionIndexingException>(() => WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["Other"] = ConnectionString }, null, typeof(SettingHubFunctions)));
            Assert.That(error!.InnerException!.Message, Does.Contain("%HubSetting%"));
        }

        [Test]
        public void UnknownConnectionSectionFailsIndexing()
        {
            var error = Assert.ThrowsAsync<FunctionIndexingException>(() => WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["HubSetting"] = "h" }, null, typeof(SettingHubFunctions)));
            Assert.That(error!.InnerException!.Message, Does.Contain("'Other'"));
        }

        [Test]
        public async Task WithoutAnyConnectionRequestsAreNotValidatedAndTheLogSaysSo()
        {
            await using var host = await WebPubSubTestHost.StartAsync(new Dictionary<string, string?>(), null, typeof(ChatFunctions));
            var unsigned = Connected("chat", new Dictionary<string, string?> { ["ce-signature"] = null, ["WebHook-Request-Origin"] = "anything.example.com" });
            Assert.That((await host.SendAsync(unsigned)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await host.SendAsync(Options("anything.example.com"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(host.Logs.AllText, Does.Contain("NOT validate"));
        }

        [Test]
        public async Task HostJsonConnectionStringWinsOverTheAppSetting()
        {
            await using var host = await WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?>
                {
                    ["AzureWebJobs:extensions:webpubsub:connectionString"] = $"Endpoint=https://hostjson.example.com;AccessKey={AccessKey};Version=1.0;",
                    ["WebPubSubConnectionString"] = ConnectionString,
                },
                null,
                typeof(ChatFunctions));
            Assert.That((await host.SendAsync(Options("hostjson.example.com"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await host.SendAsync(Options(ServiceHost))).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        [Test]
        public async Task IdentityBasedConnectionChecksTheOriginOnly()
        {
            await using var host = await WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString:serviceUri"] = $"https://{ServiceHost}" }, null, typeof(ChatFunctions));
            Assert.That((await host.SendAsync(Options(ServiceHost))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var unsigned = Connected("chat", new Dictionary<string, string?> { ["ce-signature"] = null });
            Assert.That((await host.SendAsync(unsigned)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var foreign = Connected("chat", new Dictionary<string, string?> { ["WebHook-Request-Origin"] = "evil.example.com" });
            Assert.That((await host.SendAsync(foreign)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }
}
