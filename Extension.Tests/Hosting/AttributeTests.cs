using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
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
        public void ArrayMembersKeepUpstreamsSource()
        {
            // Compiles only while the members are settable string[] (fields or properties alike).
            var context = new WebPubSubContextAttribute { Connections = new[] { "A", "B" } };
            string[]? connections = context.Connections;
            var negotiate = new WebPubSubConnectionAttribute { Roles = new[] { "r" }, Groups = new[] { "g" } };
            string[]? roles = negotiate.Roles, groups = negotiate.Groups;
            Assert.That((connections, roles, groups), Is.EqualTo((new[] { "A", "B" }, new[] { "r" }, new[] { "g" })));
        }

        [TestCase(typeof(WebPubSubContextAttribute), "Connections")]
        [TestCase(typeof(WebPubSubConnectionAttribute), "Roles")]
        [TestCase(typeof(WebPubSubConnectionAttribute), "Groups")]
        public void HiddenTwinPropertySharesTheFieldsValue(Type type, string field)
        {
            var attribute = Activator.CreateInstance(type)!;
            var twin = type.GetProperty(field.ToLowerInvariant())!;
            Assert.That(twin.GetCustomAttribute<EditorBrowsableAttribute>()!.State, Is.EqualTo(EditorBrowsableState.Never));
            twin.SetValue(attribute, new[] { "x" });
            Assert.That(type.GetField(field)!.GetValue(attribute), Is.EqualTo(new[] { "x" }));
            type.GetField(field)!.SetValue(attribute, new[] { "y" });
            Assert.That(twin.GetValue(attribute), Is.EqualTo(new[] { "y" }));
        }

        [TestCase(typeof(WebPubSubTriggerAttribute))]
        [TestCase(typeof(WebPubSubConnectionAttribute))]
        [TestCase(typeof(WebPubSubContextAttribute))]
        [TestCase(typeof(WebPubSubAttribute))]
        public void NoVisibleArrayPropertyIsANamedArgumentTarget(Type type)
        {
            // Microsoft.NET.Sdk.Functions fails the app's build on array-typed named property arguments, and
            // WebJobs and the Functions host index properties by case-insensitive name.
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            var settableArrays = properties.Where(p => p.PropertyType.IsArray && p.GetSetMethod() != null
                && p.GetCustomAttribute<EditorBrowsableAttribute>()?.State != EditorBrowsableState.Never);
            Assert.That(settableArrays.Select(p => p.Name), Is.Empty);
            Assert.That(properties.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1), Is.Empty);
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
