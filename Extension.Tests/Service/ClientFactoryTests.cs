using System;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    public class ClientFactoryTests
    {
        private static WebPubSubServiceClientFactory Factory() => new(new WebPubSubServiceClientOptions { Transport = new MockTransport() });

        [Test]
        public void SameAccessAndHubGiveTheSameClient()
        {
            var factory = Factory();
            var access = ConnectionStringParser.Parse("Endpoint=https://a;AccessKey=k");
            WebPubSubServiceClient first = factory.GetClient(access, "Chat");
            Assert.That(factory.GetClient(access, "Chat"), Is.SameAs(first));
            Assert.That(factory.GetClient(access, "chat"), Is.SameAs(first), "hubs are case-insensitive");
        }

        [Test]
        public void DifferentHubEndpointOrCredentialGiveDifferentClients()
        {
            var factory = Factory();
            var access = ConnectionStringParser.Parse("Endpoint=https://a;AccessKey=k");
            WebPubSubServiceClient client = factory.GetClient(access, "chat");
            Assert.That(factory.GetClient(access, "other"), Is.Not.SameAs(client));
            Assert.That(factory.GetClient(new WebPubSubServiceAccess(new Uri("https://b"), access.Credential), "chat"), Is.Not.SameAs(client));
            Assert.That(factory.GetClient(ConnectionStringParser.Parse("Endpoint=https://a;AccessKey=k"), "chat"), Is.Not.SameAs(client));
        }

        [Test]
        public void PipelineIsSharedPerCredential()
        {
            var factory = Factory();
            var access = ConnectionStringParser.Parse("Endpoint=https://a;AccessKey=k");
            Assert.That(factory.GetClient(access, "one").Pipeline, Is.SameAs(factory.GetClient(access, "two").Pipeline));
            Assert.That(factory.GetClient(ConnectionStringParser.Parse("Endpoint=https://a;AccessKey=k"), "one").Pipeline, Is.Not.SameAs(factory.GetClient(access, "one").Pipeline));
        }

        [Test]
        public void FactoriesDoNotShareState()
        {
            var access = ConnectionStringParser.Parse("Endpoint=https://a;AccessKey=k");
            Assert.That(Factory().GetClient(access, "h"), Is.Not.SameAs(Factory().GetClient(access, "h")));
        }

        [Test]
        public void ValidatesArguments()
        {
            var factory = Factory();
            Assert.Throws<ArgumentNullException>(() => factory.GetClient(null!, "h"));
            Assert.Throws<ArgumentException>(() => factory.GetClient(ConnectionStringParser.Parse("Endpoint=https://a"), ""));
        }
    }
}
