using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Connection;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Trigger;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Azure.WebJobs.Host.Indexers;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using NUnit.Framework;

#pragma warning disable CS0618 // IWebHookProvider is the host's webhook contract, marked "not ready".
namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hosting
{
    /// <summary>Registration: webhook failures, process-wide state, logging of secrets.</summary>
    public class HostingTests
    {
        private sealed class NoSecretsWebHookProvider : IWebHookProvider
        {
            public Uri GetUrl(IExtensionConfigProvider extension) =>
                throw new InvalidOperationException("Secret storage is not configured (AzureWebJobsStorage).");
        }

        private static readonly Dictionary<string, string?> Settings = new()
        {
            ["WebPubSubConnectionString"] = CloudEventRequests.ConnectionString,
            ["WebPubSubHub"] = "chat",
            ["Local"] = CloudEventRequests.ConnectionString,
        };

        [Test]
        public void WithoutWebhookSupportTriggersFailIndexingWithAClearMessage()
        {
            var error = Assert.ThrowsAsync<FunctionIndexingException>(() => WebPubSubTestHost.StartAsync(
                Settings, s => s.AddSingleton<IWebHookProvider>(new NoSecretsWebHookProvider()), typeof(ChatFunctions)));
            Assert.That(error!.InnerException, Is.InstanceOf<NotSupportedException>());
            Assert.That(error.InnerException!.Message, Does.Contain("WebPubSubTrigger is disabled").And.Contain("AzureWebJobsStorage"));
        }

        [Test]
        public async Task WithoutWebhookSupportOtherBindingsKeepWorking()
        {
            await using var host = await WebPubSubTestHost.StartAsync(
                Settings, s => s.AddSingleton<IWebHookProvider>(new NoSecretsWebHookProvider()), typeof(NegotiateFunctions));
            await host.CallAsync("NegotiateFunctions.Default");
            Assert.That(NegotiateFunctions.Seen["default"], Is.InstanceOf<WebPubSubConnection>());
            Assert.That(host.Logs.AllText, Does.Contain("WebPubSubTrigger is disabled"));
        }

        [Test]
        public async Task StartingTheExtensionLeavesGlobalJsonSettingsAlone()
        {
            var before = JsonConvert.DefaultSettings;
            await using var host = await WebPubSubTestHost.StartAsync(Settings, null, typeof(ChatFunctions));
            Assert.That(JsonConvert.DefaultSettings, Is.SameAs(before));
        }

        [Test]
        public async Task TheLogNamesTheWebhookPathButNoSecret()
        {
            await using var host = await WebPubSubTestHost.StartAsync(Settings, null, typeof(ChatFunctions));
            Assert.That(host.Logs.AllText, Does.Contain("/runtime/webhooks/webpubsub"));
            Assert.That(host.Logs.AllText, Does.Not.Contain(CloudEventRequests.AccessKey));
        }

        [Test]
        public void AddWebPubSubRejectsANullBuilder()
        {
            Assert.Throws<ArgumentNullException>(() => Microsoft.Extensions.Hosting.WebPubSubJobsBuilderExtensions.AddWebPubSub(null!));
        }
    }
}
