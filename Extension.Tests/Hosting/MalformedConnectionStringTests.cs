using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Connection;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Trigger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hosting
{
    /// <summary>
    /// A malformed connection string in a real host: startup errors (trigger indexing) and invocation errors
    /// (negotiate) name the connection and the problem, and nothing the host logs contains the key.
    /// </summary>
    public class MalformedConnectionStringTests
    {
        private const string Key = ConnectionStringSecrecyTests.Key;

        private static readonly string[] Malformed =
        {
            $"Endpoint=https://leaky.webpubsub.azure.com;Port=80AccessKey={Key};Version=1.0;",
            $"Endpoint=https://leaky.webpubsub.azure.comAccessKey={Key};Version=1.0;",
            $"Endpoint=https://leaky.webpubsub.azure.com;AccessKey{Key};Version=1.0;",
        };

        private static Dictionary<string, string?> Settings(string connectionString) => new()
        {
            ["WebPubSubConnectionString"] = connectionString,
            ["WebPubSubHub"] = "chat",
            ["Local"] = connectionString,
        };

        [TestCaseSource(nameof(Malformed))]
        public void TriggerIndexingFailsNamingTheConnectionWithoutTheKey(string connectionString)
        {
            var logs = new TestLoggerProvider();
            var error = Assert.CatchAsync(() => WebPubSubTestHost.StartAsync(
                Settings(connectionString), s => s.AddSingleton<ILoggerProvider>(logs), typeof(ChatFunctions)))!;

            Assert.That(error.ToString(), Does.Contain("'WebPubSubConnectionString' cannot be used").And.Contain("malformed"));
            ConnectionStringSecrecyTests.AssertNoSecret(error.ToString());
            ConnectionStringSecrecyTests.AssertNoSecret(logs.AllText);
        }

        [TestCaseSource(nameof(Malformed))]
        public async Task NegotiateFailsNamingTheConnectionWithoutTheKey(string connectionString)
        {
            var logs = new TestLoggerProvider();
            await using var host = await WebPubSubTestHost.StartAsync(
                Settings(connectionString), s => s.AddSingleton<ILoggerProvider>(logs), typeof(NegotiateFunctions));

            var error = Assert.CatchAsync(() => host.CallAsync("NegotiateFunctions.Script"))!;

            Assert.That(error.ToString(), Does.Contain("'Local' cannot be used").And.Contain("malformed"));
            ConnectionStringSecrecyTests.AssertNoSecret(error.ToString());
            ConnectionStringSecrecyTests.AssertNoSecret(logs.AllText + host.Logs.AllText);
        }
    }
}
