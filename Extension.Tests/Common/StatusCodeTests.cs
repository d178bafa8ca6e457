using Microsoft.Azure.WebPubSub.Common;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common
{
    public class StatusCodeTests
    {
        // Status codes are passed as numbers: the enum is internal and test methods are public.
        [TestCase(WebPubSubErrorCode.Unauthorized, 0, 401)]
        [TestCase(WebPubSubErrorCode.UserError, 1, 400)]
        [TestCase(WebPubSubErrorCode.ServerError, 2, 500)]
        [TestCase((WebPubSubErrorCode)42, 2, 500)]
        public void ErrorCodesMapToStatusAndHttp(WebPubSubErrorCode code, int status, int http)
        {
            Assert.That(code.ToStatusCode(), Is.EqualTo((WebPubSubStatusCode)status));
            Assert.That(code.ToHttpStatusCode(), Is.EqualTo(http));
        }

        [TestCase(0, WebPubSubErrorCode.Unauthorized)]
        [TestCase(1, WebPubSubErrorCode.UserError)]
        [TestCase(2, WebPubSubErrorCode.ServerError)]
        [TestCase(-1, WebPubSubErrorCode.ServerError)]
        [TestCase(9, WebPubSubErrorCode.ServerError)]
        public void StatusCodesMapBackWithServerErrorFallback(int status, WebPubSubErrorCode expected)
        {
            Assert.That(((WebPubSubStatusCode)status).ToErrorCode(), Is.EqualTo(expected));
            Assert.That(new EventErrorResponse { StatusCode = (WebPubSubStatusCode)status }.Code, Is.EqualTo(expected));
        }

        [Test]
        public void StatusCodeValuesAreFixed()
        {
            Assert.That((int)WebPubSubStatusCode.Success, Is.EqualTo(-1));
            Assert.That((int)WebPubSubStatusCode.ServerError, Is.EqualTo(2));
        }

        [TestCase("unauthorized", true, 0)]
        [TestCase("SUCCESS", true, -1)]
        [TestCase("1", true, 1)]
        [TestCase("-1", true, -1)]
        [TestCase("7", false, 0)]
        [TestCase("nope", false, 0)]
        [TestCase("", false, 0)]
        [TestCase(null, false, 0)]
        public void TryParseAcceptsNamesAndDefinedNumbers(string? text, bool ok, int expected)
        {
            Assert.That(WebPubSubStatusCodes.TryParse(text, out var code), Is.EqualTo(ok));
            if (ok)
            {
                Assert.That(code, Is.EqualTo((WebPubSubStatusCode)expected));
            }
        }

        [Test]
        public void UserResponseStatusIsPinnedToSuccess()
        {
            var response = new UserEventResponse();
            Assert.That(response.StatusCode, Is.EqualTo(WebPubSubStatusCode.Success));
            Assert.DoesNotThrow(() => response.StatusCode = WebPubSubStatusCode.Success);
            Assert.Throws<System.ArgumentException>(() => response.StatusCode = WebPubSubStatusCode.UserError);
        }
    }
}
