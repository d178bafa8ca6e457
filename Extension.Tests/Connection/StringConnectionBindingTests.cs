using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Connection
{
    public static class StringNegotiateFunctions
    {
        public static readonly ConcurrentDictionary<string, object> Seen = new();

        // What an isolated worker's "string connection" parameter asks the host for ("dataType": "String").
        [NoAutomaticTrigger]
        public static void Text([WebPubSubConnection(Hub = "chat", UserId = "alice")] string connection) => Seen["text"] = connection;
    }

    /// <summary>A negotiate binding to <c>string</c> gets the JSON scripts and isolated workers get as an object.</summary>
    public class StringConnectionBindingTests
    {
        [Test]
        public async Task StringParameter_GetsTheConnectionJson()
        {
            await using var host = await WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = "Endpoint=https://abc.webpubsub.azure.com;AccessKey=negotiate-key-0123456789;Version=1.0;" },
                null,
                typeof(StringNegotiateFunctions));

            await host.CallAsync("StringNegotiateFunctions.Text");

            var json = JObject.Parse((string)StringNegotiateFunctions.Seen["text"]);
            Assert.That(json.Value<string>("baseUrl"), Is.EqualTo("wss://abc.webpubsub.azure.com/client/hubs/chat"));
            Assert.That(json.Value<string>("url"), Is.EqualTo("wss://abc.webpubsub.azure.com/client/hubs/chat?access_token=" + json.Value<string>("accessToken")));
        }
    }
}
