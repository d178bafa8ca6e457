using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Azure.Messaging.WebPubSub;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

#pragma warning disable CS0618 // IJobHostMetadataProvider is what the Functions host uses for function.json; it is marked "not ready".
namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hosting
{
    /// <summary>function.json → attributes, as the Functions host does it for every non-C# language.</summary>
    public class ScriptMetadataTests
    {
        private WebPubSubTestHost _host = null!;
        private IJobHostMetadataProvider _metadata = null!;

        [OneTimeSetUp]
        public async Task Start()
        {
            _host = await WebPubSubTestHost.StartAsync(new Dictionary<string, string?> { ["WebPubSubConnectionString"] = CloudEventRequests.ConnectionString }, null);
            _metadata = _host.Services.GetRequiredService<IJobHostMetadataProvider>();
        }

        [OneTimeTearDown]
        public async Task Stop() => await _host.DisposeAsync();

        [TestCase("webPubSubTrigger", typeof(WebPubSubTriggerAttribute))]
        [TestCase("webPubSubConnection", typeof(WebPubSubConnectionAttribute))]
        [TestCase("webPubSubContext", typeof(WebPubSubContextAttribute))]
        [TestCase("webPubSub", typeof(WebPubSubAttribute))]
        public void BindingTypesMapToOurAttributes(string bindingType, Type attributeType)
        {
            Assert.That(_metadata.GetAttributeTypeFromName(bindingType), Is.EqualTo(attributeType));
        }

        [Test]
        public void TriggerAttributeIsBuiltFromFunctionJson()
        {
            var json = JObject.Parse("{\"type\":\"webPubSubTrigger\",\"name\":\"request\",\"hub\":\"chat\",\"eventName\":\"message\",\"eventType\":\"user\",\"clientProtocols\":\"mqtt\",\"connections\":[\"A\",\"B\"]}");
            var attribute = (WebPubSubTriggerAttribute)_metadata.GetAttribute(typeof(WebPubSubTriggerAttribute), json);
            Assert.That(attribute.Hub, Is.EqualTo("chat"));
            Assert.That(attribute.EventName, Is.EqualTo("message"));
            Assert.That(attribute.EventType, Is.EqualTo(WebPubSubEventType.User));
            Assert.That(attribute.ClientProtocols, Is.EqualTo(WebPubSubTriggerAcceptedClientProtocols.Mqtt));
            Assert.That(attribute.Connections, Is.EqualTo(new[] { "A", "B" }));
        }

        [Test]
        public void LegacySingularConnectionIsHonoured()
        {
            var json = JObject.Parse("{\"type\":\"webPubSubTrigger\",\"name\":\"request\",\"hub\":\"chat\",\"eventName\":\"connect\",\"eventType\":\"system\",\"connection\":\"Mine\"}");
            var attribute = (WebPubSubTriggerAttribute)_metadata.GetAttribute(typeof(WebPubSubTriggerAttribute), json);
            Assert.That(attribute.Connections, Is.EqualTo(new[] { "Mine" }));
        }

        [Test]
        public void ConnectionAndOutputAttributesAreBuiltFromFunctionJson()
        {
            var negotiate = (WebPubSubConnectionAttribute)_metadata.GetAttribute(typeof(WebPubSubConnectionAttribute),
                JObject.Parse("{\"type\":\"webPubSubConnection\",\"name\":\"connection\",\"hub\":\"chat\",\"userId\":\"{query.userid}\",\"clientProtocol\":\"mqtt\",\"connection\":\"X\"}"));
            Assert.That(negotiate.Hub, Is.EqualTo("chat"));
            Assert.That(negotiate.UserId, Is.EqualTo("{query.userid}"));
            Assert.That(negotiate.ClientProtocol, Is.EqualTo(WebPubSubClientProtocol.Mqtt));
            Assert.That(negotiate.Connection, Is.EqualTo("X"));

            var output = (WebPubSubAttribute)_metadata.GetAttribute(typeof(WebPubSubAttribute),
                JObject.Parse("{\"type\":\"webPubSub\",\"name\":\"actions\",\"hub\":\"chat\",\"direction\":\"out\"}"));
            Assert.That(output.Hub, Is.EqualTo("chat"));
            Assert.That(output.Connection, Is.EqualTo("WebPubSubConnectionString"));
        }

        [Test]
        public void ArrayMembersAreTakenFromJsonArrays()
        {
            var negotiate = (WebPubSubConnectionAttribute)_metadata.GetAttribute(typeof(WebPubSubConnectionAttribute),
                JObject.Parse("{\"type\":\"webPubSubConnection\",\"name\":\"c\",\"roles\":[\"r1\",\"r2\"],\"groups\":[\"g1\"],\"expiresAfterMinutes\":5}"));
            Assert.That((negotiate.Roles, negotiate.Groups, negotiate.ExpiresAfterMinutes), Is.EqualTo((new[] { "r1", "r2" }, new[] { "g1" }, 5)));
            var context = (WebPubSubContextAttribute)_metadata.GetAttribute(typeof(WebPubSubContextAttribute),
                JObject.Parse("{\"type\":\"webPubSubContext\",\"name\":\"c\",\"connections\":[\"A\",\"B\"],\"connection\":\"X\"}"));
            Assert.That(context.Connections, Is.EqualTo(new[] { "A", "B" }));
        }

        [Test]
        public void SingularConnectionFillsAnEmptyJsonArray()
        {
            var context = (WebPubSubContextAttribute)_metadata.GetAttribute(typeof(WebPubSubContextAttribute),
                JObject.Parse("{\"type\":\"webPubSubContext\",\"name\":\"c\",\"connections\":[],\"connection\":\"X\"}"));
            Assert.That(context.Connections, Is.EqualTo(new[] { "X" }));
            var trigger = (WebPubSubTriggerAttribute)_metadata.GetAttribute(typeof(WebPubSubTriggerAttribute),
                JObject.Parse("{\"type\":\"webPubSubTrigger\",\"name\":\"r\",\"eventName\":\"connect\",\"eventType\":\"system\",\"connections\":[],\"connection\":\"X\"}"));
            Assert.That(trigger.Connections, Is.EqualTo(new[] { "X" }));
        }

        [Test]
        public void ScriptLanguagesGetJsonFriendlyTypes()
        {
            var negotiate = new WebPubSubConnectionAttribute { Hub = "chat" };
            Assert.That(_metadata.GetDefaultType(negotiate, FileAccess.Read, null), Is.EqualTo(typeof(JObject)));
            var output = new WebPubSubAttribute { Hub = "chat" };
            Assert.That(_metadata.GetDefaultType(output, FileAccess.Write, null), Is.EqualTo(typeof(IAsyncCollector<JObject>)));
        }
    }
}
