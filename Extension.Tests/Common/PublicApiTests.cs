using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using Microsoft.Azure.WebPubSub.Common;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common
{
    public class PublicApiTests
    {
        private static readonly string[] ExpectedTypes =
        {
            "ConnectedEventRequest", "ConnectEventRequest", "ConnectEventResponse", "DisconnectedEventRequest",
            "EventErrorResponse", "JoinedGroupEventRequest", "LeftGroupEventRequest", "MqttConnectEventErrorResponse",
            "MqttConnectEventErrorResponseProperties", "MqttConnectEventRequest", "MqttConnectEventResponse",
            "MqttConnectEventResponseProperties", "MqttConnectionContext", "MqttConnectProperties",
            "MqttDisconnectedEventRequest", "MqttDisconnectedEventRequestProperties", "MqttDisconnectPacketProperties",
            "MqttDisconnectReasonCode", "MqttProtocolVersion", "MqttUserProperty", "MqttV311ConnectReturnCode",
            "MqttV500ConnectReasonCode", "PreflightRequest", "UserEventRequest", "UserEventResponse",
            "WebPubSubClientCertificate", "WebPubSubConnectionContext", "WebPubSubDataType", "WebPubSubErrorCode",
            "WebPubSubEventRequest", "WebPubSubEventResponse", "WebPubSubEventType",
        };

        private static Assembly Assembly => typeof(WebPubSubEventRequest).Assembly;

        [Test]
        public void PublicTypesInCommonNamespaceAreExactlyUpstreams()
        {
            var actual = Assembly.GetExportedTypes()
                .Where(t => t.Namespace == "Microsoft.Azure.WebPubSub.Common")
                .Select(t => t.Name)
                .OrderBy(n => n, StringComparer.Ordinal);
            Assert.That(actual, Is.EqualTo(ExpectedTypes.OrderBy(n => n, StringComparer.Ordinal)));
        }

        [Test]
        public void NoPublicTypesInInternalSerializationNamespace()
        {
            Assert.That(Assembly.GetExportedTypes().Where(t => t.Namespace?.StartsWith("Microsoft.Azure.WebPubSub.Common.", StringComparison.Ordinal) == true), Is.Empty);
        }

        [TestCase(typeof(UserEventRequest), true, false)]
        [TestCase(typeof(PreflightRequest), true, false)]
        [TestCase(typeof(MqttConnectEventResponse), true, false)]
        [TestCase(typeof(WebPubSubClientCertificate), true, false)]
        [TestCase(typeof(WebPubSubEventRequest), false, true)]
        [TestCase(typeof(WebPubSubEventResponse), false, true)]
        [TestCase(typeof(ConnectEventRequest), false, false)]
        public void SealedAndAbstractMatch(Type type, bool isSealed, bool isAbstract)
        {
            Assert.That(type.IsSealed, Is.EqualTo(isSealed));
            Assert.That(type.IsAbstract, Is.EqualTo(isAbstract));
        }

        [Test]
        public void DataContractsAreWhereUpstreamHasThem()
        {
            Assert.That(typeof(ConnectedEventRequest).GetCustomAttribute<DataContractAttribute>(inherit: false), Is.Null);
            Assert.That(typeof(WebPubSubEventResponse).GetCustomAttribute<DataContractAttribute>(inherit: false), Is.Null);
            Assert.That(typeof(ConnectEventRequest).GetCustomAttribute<DataContractAttribute>(inherit: false), Is.Not.Null);
            Assert.That(typeof(WebPubSubClientCertificate).GetProperty("Thumbprint")!.GetCustomAttribute<DataMemberAttribute>()!.Name, Is.Null);
            Assert.That(typeof(EventErrorResponse).GetProperty("StatusCode", BindingFlags.Instance | BindingFlags.NonPublic)!
                .GetCustomAttribute<DataMemberAttribute>()!.Name, Is.EqualTo("code"));
        }

        [Test]
        public void HiddenMembersAreHidden()
        {
            bool Hidden(MemberInfo m) => m.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;

            Assert.That(Hidden(typeof(ConnectEventResponse).GetMethod("SetState", new[] { typeof(string), typeof(object) })!), Is.True);
            Assert.That(Hidden(typeof(UserEventResponse).GetMethod("SetState", new[] { typeof(string), typeof(object) })!), Is.True);
            Assert.That(Hidden(typeof(MqttConnectEventRequest).GetMethod("CreateErrorResponse")!), Is.True);
            Assert.That(typeof(WebPubSubConnectionContext).GetConstructors().Count(Hidden), Is.EqualTo(1));
        }

        [Test]
        public void EnumValuesMatchUpstream()
        {
            Assert.That((int)WebPubSubEventType.GroupPresence, Is.EqualTo(2));
            Assert.That((int)WebPubSubDataType.Text, Is.EqualTo(2));
            Assert.That((int)MqttProtocolVersion.V500, Is.EqualTo(5));
            Assert.That(Enum.GetUnderlyingType(typeof(MqttDisconnectReasonCode)), Is.EqualTo(typeof(byte)));
            Assert.That(Enum.GetValues(typeof(MqttDisconnectReasonCode)).Length, Is.EqualTo(29));
            Assert.That(Enum.GetValues(typeof(MqttV500ConnectReasonCode)).Length, Is.EqualTo(21));
            Assert.That((byte)MqttDisconnectReasonCode.WildcardSubscriptionsNotSupported, Is.EqualTo(162));
        }

        [Test]
        public void MqttUserPropertyHasValueEquality()
        {
            Assert.That(new MqttUserProperty("a", "b"), Is.EqualTo(new MqttUserProperty("a", "b")));
            Assert.That(new MqttUserProperty("a", "b") == new MqttUserProperty("a", "c"), Is.False);
        }
    }
}
