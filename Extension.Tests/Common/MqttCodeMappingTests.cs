using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Azure.WebPubSub.Common;
using NUnit.Framework;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common.JsonTestHelper;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common
{
    public class MqttCodeMappingTests
    {
        [TestCase(MqttV311ConnectReturnCode.UnacceptableProtocolVersion, WebPubSubErrorCode.UserError)]
        [TestCase(MqttV311ConnectReturnCode.IdentifierRejected, WebPubSubErrorCode.UserError)]
        [TestCase(MqttV311ConnectReturnCode.ServerUnavailable, WebPubSubErrorCode.ServerError)]
        [TestCase(MqttV311ConnectReturnCode.BadUsernameOrPassword, WebPubSubErrorCode.UserError)]
        [TestCase(MqttV311ConnectReturnCode.NotAuthorized, WebPubSubErrorCode.Unauthorized)]
        public void V311CodesMapToErrorCodes(MqttV311ConnectReturnCode code, WebPubSubErrorCode expected)
        {
            var response = new MqttConnectEventErrorResponse(code, "r");
            Assert.That(response.Code, Is.EqualTo(expected));
            Assert.That(response.Mqtt.Code, Is.EqualTo((int)code));
            Assert.That(response.ErrorMessage, Is.EqualTo("r"));
        }

        private static readonly Dictionary<MqttV500ConnectReasonCode, WebPubSubErrorCode> V500Table = new()
        {
            [MqttV500ConnectReasonCode.MalformedPacket] = WebPubSubErrorCode.UserError,
            [MqttV500ConnectReasonCode.ImplementationSpecificError] = WebPubSubErrorCode.UserError,
            [MqttV500ConnectReasonCode.UnsupportedProtocolVersion] = WebPubSubErrorCode.UserError,
            [MqttV500ConnectReasonCode.ClientIdentifierNotValid] = WebPubSubErrorCode.UserError,
            [MqttV500ConnectReasonCode.BadUserNameOrPassword] = WebPubSubErrorCode.UserError,
            [MqttV500ConnectReasonCode.NotAuthorized] = WebPubSubErrorCode.Unauthorized,
            [MqttV500ConnectReasonCode.ServerUnavailable] = WebPubSubErrorCode.ServerError,
            [MqttV500ConnectReasonCode.ServerBusy] = WebPubSubErrorCode.ServerError,
            [MqttV500ConnectReasonCode.Banned] = WebPubSubErrorCode.UserError,
            [MqttV500ConnectReasonCode.BadAuthenticationMethod] = WebPubSubErrorCode.UserError,
            [MqttV500ConnectReasonCode.TopicNameInvalid] = WebPubSubErrorCode.UserError,
            [MqttV500ConnectReasonCode.PacketTooLarge] = WebPubSubErrorCode.ServerError,
            [MqttV500ConnectReasonCode.QuotaExceeded] = WebPubSubErrorCode.ServerError,
            [MqttV500ConnectReasonCode.PayloadFormatInvalid] = WebPubSubErrorCode.UserError,
            [MqttV500ConnectReasonCode.RetainNotSupported] = WebPubSubErrorCode.ServerError,
            [MqttV500ConnectReasonCode.QosNotSupported] = WebPubSubErrorCode.ServerError,
            [MqttV500ConnectReasonCode.UseAnotherServer] = WebPubSubErrorCode.ServerError,
            [MqttV500ConnectReasonCode.ServerMoved] = WebPubSubErrorCode.ServerError,
            [MqttV500ConnectReasonCode.ConnectionRateExceeded] = WebPubSubErrorCode.UserError,
        };

        [Test]
        public void V500TableCoversEveryCodeExceptTheTwoUnmappable()
        {
            var unmapped = Enum.GetValues(typeof(MqttV500ConnectReasonCode)).Cast<MqttV500ConnectReasonCode>().Except(V500Table.Keys);
            Assert.That(unmapped, Is.EquivalentTo(new[] { MqttV500ConnectReasonCode.UnspecifiedError, MqttV500ConnectReasonCode.ProtocolError }));
        }

        [TestCaseSource(nameof(V500Codes))]
        public void V500CodesMapToErrorCodes(MqttV500ConnectReasonCode code)
        {
            var response = new MqttConnectEventErrorResponse(code, null);
            Assert.That(response.Code, Is.EqualTo(V500Table[code]));
            Assert.That(response.Mqtt.Code, Is.EqualTo((int)code));
        }

        private static IEnumerable<MqttV500ConnectReasonCode> V500Codes() => V500Table.Keys;

        [TestCase(MqttV500ConnectReasonCode.UnspecifiedError)]
        [TestCase(MqttV500ConnectReasonCode.ProtocolError)]
        public void UnmappableV500CodesThrow(MqttV500ConnectReasonCode code)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new MqttConnectEventErrorResponse(code, null));
        }

        [Test]
        public void UnknownV311CodeThrows()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new MqttConnectEventErrorResponse((MqttV311ConnectReturnCode)9, null));
        }

        [Test]
        public void PropertiesConstructorDerivesTheErrorCode()
        {
            var response = new MqttConnectEventErrorResponse(new MqttConnectEventErrorResponseProperties(MqttV500ConnectReasonCode.NotAuthorized) { Reason = "r" });
            Assert.That(response.Code, Is.EqualTo(WebPubSubErrorCode.Unauthorized));
            Assert.That(response.ErrorMessage, Is.EqualTo("r"));
        }

        private static MqttConnectEventRequest Request(MqttProtocolVersion version) =>
            new MqttConnectEventRequest(MqttContext(), null, null, null, null, new MqttConnectProperties(version, null, null, null));

        [TestCase(WebPubSubErrorCode.Unauthorized, 5)]
        [TestCase(WebPubSubErrorCode.UserError, 4)]
        [TestCase(WebPubSubErrorCode.ServerError, 3)]
        public void GenericErrorOnV311RequestUsesV311Codes(WebPubSubErrorCode code, int expectedMqttCode)
        {
            ConnectEventRequest request = Request(MqttProtocolVersion.V311);
            var response = (MqttConnectEventErrorResponse)request.CreateErrorResponse(code, "m");
            Assert.That(response.Mqtt.Code, Is.EqualTo(expectedMqttCode));
            Assert.That(response.Mqtt.Reason, Is.EqualTo("m"));
            Assert.That(response.Code, Is.EqualTo(code));
        }

        [TestCase(WebPubSubErrorCode.Unauthorized, 135)]
        [TestCase(WebPubSubErrorCode.UserError, 134)]
        [TestCase(WebPubSubErrorCode.ServerError, 136)]
        public void GenericErrorOnV500RequestUsesV500Codes(WebPubSubErrorCode code, int expectedMqttCode)
        {
            ConnectEventRequest request = Request(MqttProtocolVersion.V500);
            var response = (MqttConnectEventErrorResponse)request.CreateErrorResponse(code, null);
            Assert.That(response.Mqtt.Code, Is.EqualTo(expectedMqttCode));
            Assert.That(response.Code, Is.EqualTo(code));
        }

        [Test]
        public void GenericErrorOnUnknownProtocolVersionThrows()
        {
            Assert.Throws<NotSupportedException>(() => Request((MqttProtocolVersion)3).CreateErrorResponse(WebPubSubErrorCode.UserError));
        }

        [Test]
        public void VersionSpecificErrorsRequireTheMatchingVersion()
        {
            Assert.Throws<InvalidOperationException>(() => Request(MqttProtocolVersion.V500).CreateMqttV311ErrorResponse(MqttV311ConnectReturnCode.NotAuthorized));
            Assert.Throws<InvalidOperationException>(() => Request(MqttProtocolVersion.V311).CreateMqttV50ErrorResponse(MqttV500ConnectReasonCode.NotAuthorized));

            var v311 = Request(MqttProtocolVersion.V311).CreateMqttV311ErrorResponse(MqttV311ConnectReturnCode.IdentifierRejected, "id");
            Assert.That(v311.Mqtt.Code, Is.EqualTo(2));
            Assert.That(v311.Mqtt.Reason, Is.EqualTo("id"));
            var v500 = Request(MqttProtocolVersion.V500).CreateMqttV50ErrorResponse(MqttV500ConnectReasonCode.ServerBusy);
            Assert.That(v500.Mqtt.Code, Is.EqualTo(137));
            Assert.That(v500.Mqtt.Reason, Is.Null);
        }

        [Test]
        public void CreateMqttResponseUsesMqttSubprotocol()
        {
            var response = Request(MqttProtocolVersion.V500).CreateMqttResponse("u", new[] { "g" }, new[] { "r" });
            Assert.That(response.Subprotocol, Is.EqualTo("mqtt"));
            Assert.That(response.UserId, Is.EqualTo("u"));
            Assert.That(response.Groups, Is.EqualTo(new[] { "g" }));
            Assert.That(response.Roles, Is.EqualTo(new[] { "r" }));
        }

        [Test]
        public void NonMqttRequestHelpersCreateThePlainResponses()
        {
            var request = new ConnectEventRequest(MakeContext(), null, null, new[] { "p" }, null);
            var error = request.CreateErrorResponse(WebPubSubErrorCode.Unauthorized, "no");
            Assert.That(error.GetType(), Is.EqualTo(typeof(EventErrorResponse)));
            Assert.That(error.Code, Is.EqualTo(WebPubSubErrorCode.Unauthorized));
            Assert.That(request.CreateResponse("u", null, "p", null).Subprotocol, Is.EqualTo("p"));

            var user = new UserEventRequest(MakeContext(), BinaryData.FromString("x"), WebPubSubDataType.Text);
            Assert.That(user.CreateResponse("y").DataType, Is.EqualTo(WebPubSubDataType.Text));
            Assert.That(user.CreateResponse(BinaryData.FromBytes(new byte[] { 1 }), WebPubSubDataType.Binary).Data!.ToArray(), Is.EqualTo(new byte[] { 1 }));
            Assert.That(user.CreateErrorResponse(WebPubSubErrorCode.ServerError, "e").ErrorMessage, Is.EqualTo("e"));
        }
    }
}
