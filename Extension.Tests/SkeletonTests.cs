using Azure.Messaging.WebPubSub;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests
{
    public class ReusedClientTypesTests
    {
        [Test]
        public void PermissionValuesMatchTheClientPackage()
        {
            Assert.That((int)WebPubSubPermission.SendToGroup, Is.EqualTo(1));
            Assert.That((int)WebPubSubPermission.JoinLeaveGroup, Is.EqualTo(2));
        }

        [Test]
        public void ClientProtocolValuesMatchTheClientPackage()
        {
            Assert.That((int)WebPubSubClientProtocol.Default, Is.EqualTo(0));
            Assert.That((int)WebPubSubClientProtocol.Mqtt, Is.EqualTo(1));
            Assert.That((int)WebPubSubClientProtocol.SocketIO, Is.EqualTo(2));
        }
    }
}
