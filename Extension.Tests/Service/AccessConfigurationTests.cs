using System;
using System.Collections.Generic;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using Microsoft.Extensions.Configuration;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    public class AccessConfigurationTests
    {
        private static IConfigurationSection Section(params (string Key, string Value)[] values)
        {
            var data = new Dictionary<string, string?>();
            foreach (var (key, value) in values)
            {
                data[key] = value;
            }

            return new ConfigurationBuilder().AddInMemoryCollection(data).Build().GetSection("WebPubSubConnectionString");
        }

        [Test]
        public void ValueIsAConnectionString()
        {
            IConfigurationSection section = Section(("WebPubSubConnectionString", "Endpoint=https://a;AccessKey=k"));
            var factory = new FakeAzureComponentFactory();
            Assert.That(WebPubSubServiceAccessConfiguration.CanCreate(section), Is.True);
            Assert.That(WebPubSubServiceAccessConfiguration.TryCreate(section, factory, out WebPubSubServiceAccess? access), Is.True);
            Assert.That(access!.Endpoint.Host, Is.EqualTo("a"));
            Assert.That(access.Credential, Is.InstanceOf<AccessKeyCredential>());
            Assert.That(factory.CredentialSections, Is.Empty);
        }

        [Test]
        public void ServiceUriIsIdentityBased()
        {
            IConfigurationSection section = Section(("WebPubSubConnectionString:serviceUri", "https://id.webpubsub.azure.com/"), ("WebPubSubConnectionString:clientId", "abc"));
            var factory = new FakeAzureComponentFactory();
            Assert.That(WebPubSubServiceAccessConfiguration.CanCreate(section), Is.True);
            Assert.That(WebPubSubServiceAccessConfiguration.TryCreate(section, factory, out WebPubSubServiceAccess? access), Is.True);
            Assert.That(access!.Endpoint, Is.EqualTo(new Uri("https://id.webpubsub.azure.com")));
            var identity = (IdentityCredential)access.Credential;
            Assert.That(identity.TokenCredential, Is.InstanceOf<FakeTokenCredential>());
            Assert.That(access.CanValidateSignature, Is.False);
            // The credential is built from the same section, so clientId/credential sub-keys reach the factory.
            Assert.That(factory.CredentialSections, Has.Count.EqualTo(1));
            Assert.That(factory.CredentialSections[0]["clientId"], Is.EqualTo("abc"));
        }

        [Test]
        public void ServiceUriKeyIsCaseInsensitive()
        {
            IConfigurationSection section = Section(("WebPubSubConnectionString:SERVICEURI", "https://id"));
            Assert.That(WebPubSubServiceAccessConfiguration.TryCreate(section, new FakeAzureComponentFactory(), out _), Is.True);
        }

        [Test]
        public void ValueWinsOverServiceUri()
        {
            IConfigurationSection section = Section(
                ("WebPubSubConnectionString", "Endpoint=https://from-value;AccessKey=k"),
                ("WebPubSubConnectionString:serviceUri", "https://from-uri"));
            var factory = new FakeAzureComponentFactory();
            Assert.That(WebPubSubServiceAccessConfiguration.TryCreate(section, factory, out WebPubSubServiceAccess? access), Is.True);
            Assert.That(access!.Endpoint.Host, Is.EqualTo("from-value"));
            Assert.That(factory.CredentialSections, Is.Empty);
        }

        [Test]
        public void UnrelatedKeysAreNotConfigured()
        {
            IConfigurationSection section = Section(("WebPubSubConnectionString:clientId", "abc"), ("Other", "Endpoint=https://x"));
            Assert.That(WebPubSubServiceAccessConfiguration.CanCreate(section), Is.False);
            Assert.That(WebPubSubServiceAccessConfiguration.TryCreate(section, new FakeAzureComponentFactory(), out WebPubSubServiceAccess? access), Is.False);
            Assert.That(access, Is.Null);
            Assert.That(WebPubSubServiceAccessConfiguration.CanCreate(null), Is.False);
        }

        [Test]
        public void MalformedConnectionThrowsInsteadOfLookingUnconfigured()
        {
            Assert.Throws<ArgumentException>(() => WebPubSubServiceAccessConfiguration.TryCreate(Section(("WebPubSubConnectionString", "AccessKey=k")), new FakeAzureComponentFactory(), out _));
            Assert.Throws<ArgumentException>(() => WebPubSubServiceAccessConfiguration.TryCreate(Section(("WebPubSubConnectionString:serviceUri", "not a uri")), new FakeAzureComponentFactory(), out _));
        }
    }
}
