using Azure.Messaging.WebPubSub;
using Microsoft.Azure.WebPubSub.Common;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hosting
{
#pragma warning disable CS0618 // The obsolete singular Connection is what these tests pin down.
    /// <summary>Upstream's attribute shapes and the semantics of the legacy singular <c>Connection</c>.</summary>
    public class AttributeTests
    {
        [Test]
        public void TriggerConstructorsWithoutHubUseAnEmptyHub()
        {
            var attribute = new WebPubSubTriggerAttribute(WebPubSubEventType.User, "message");
            Assert.That(attribute.Hub, Is.EqualTo(string.Empty));
            Assert.That(attribute.EventName, Is.EqualTo("message"));
            Assert.That(attribute.ClientProtocols, Is.EqualTo(WebPubSubTriggerAcceptedClientProtocols.All));
            Assert.That(new WebPubSubTriggerAttribute(WebPubSubEventType.System, "connect", "A", "B").Connections, Is.EqualTo(new[] { "A", "B" }));
        }

        [Test]
        public void LegacyConnectionNullOrEmptyIsIgnored()
        {
            var trigger = new WebPubSubTriggerAttribute("h", WebPubSubEventType.System, "connect") { Connection = null };
            Assert.That(trigger.Connections, Is.Null.Or.Empty);
            var context = new WebPubSubContextAttribute { Connection = "" };
            Assert.That(context.Connections, Is.Null.Or.Empty);
        }

        [Test]
        public void LegacyConnectionFillsAnEmptyList()
        {
            var trigger = new WebPubSubTriggerAttribute("h", WebPubSubEventType.System, "connect") { Connection = "Mine" };
            Assert.That(trigger.Connections, Is.EqualTo(new[] { "Mine" }));
            var context = new WebPubSubContextAttribute { Connection = "Mine" };
            Assert.That(context.Connections, Is.EqualTo(new[] { "Mine" }));
        }

        [Test]
        public void LegacyConnectionNeverOverridesThePluralList()
        {
            var trigger = new WebPubSubTriggerAttribute("h", WebPubSubEventType.System, "connect", "A", "B") { Connection = "Mine" };
            Assert.That(trigger.Connections, Is.EqualTo(new[] { "A", "B" }));
            var context = new WebPubSubContextAttribute("A") { Connection = "Mine" };
            Assert.That(context.Connections, Is.EqualTo(new[] { "A" }));
        }

        [Test]
        public void LegacyConnectionReadsTheFirstEntry()
        {
            Assert.That(new WebPubSubTriggerAttribute("h", WebPubSubEventType.System, "connect", "A", "B").Connection, Is.EqualTo("A"));
            Assert.That(new WebPubSubContextAttribute().Connection, Is.Null);
        }

        [Test]
        public void InputAndOutputAttributesDefaultToTheDefaultConnection()
        {
            Assert.That(new WebPubSubConnectionAttribute().Connection, Is.EqualTo("WebPubSubConnectionString"));
            Assert.That(new WebPubSubConnectionAttribute().ClientProtocol, Is.EqualTo(WebPubSubClientProtocol.Default));
            Assert.That(new WebPubSubAttribute().Connection, Is.EqualTo("WebPubSubConnectionString"));
        }

        [Test]
        public void FunctionsOptionsNeverFormatTheConnectionString()
        {
            Microsoft.Azure.WebJobs.Hosting.IOptionsFormatter options = new WebPubSubFunctionsOptions { Hub = "chat", ConnectionString = "Endpoint=https://x;AccessKey=secret;" };
            Assert.That(options.Format(), Does.Contain("chat").And.Not.Contain("secret"));
            Assert.That(options.ToString(), Does.Not.Contain("secret"));
        }
    }
#pragma warning restore CS0618
}
