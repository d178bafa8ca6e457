using System.Linq;
using System.Reflection;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using NUnit.Framework;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Api
{
    public class ExtensionInformationTests
    {
        [Test]
        public void NamesTheHostSideExtension_AtThisRepositorysVersion()
        {
            var info = typeof(WebPubSubTriggerAttribute).Assembly.GetCustomAttributes<ExtensionInformationAttribute>().Single();
            // The host-side assembly is built from the same build/Version.props.
            var hostVersion = typeof(Microsoft.Azure.WebJobs.Extensions.WebPubSub.WebPubSubAttribute).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

            Assert.That(info.ExtensionPackage, Is.EqualTo("Microsoft.Azure.WebJobs.Extensions.WebPubSub"));
            Assert.That(info.ExtensionVersion, Is.EqualTo(hostVersion));
            Assert.That(info.ExtensionVersion, Does.StartWith("1.10."));
        }
    }
}
