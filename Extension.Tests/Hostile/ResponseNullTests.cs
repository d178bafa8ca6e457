using System.Net;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// Found while fuzzing: a null MQTT user property in a function's connect answer was a NullReferenceException
    /// (the generic 500); it is still a 500, the function's fault, but one that names the property.
    /// </summary>
    public class ResponseNullTests
    {
        private static MqttConnectEventRequest Request() => new(
            new MqttConnectionContext(WebPubSubEventType.System, "connect", "h", "c", "p", null),
            null, null, null, null, new MqttConnectProperties(MqttProtocolVersion.V500, null, null, null));

        [Test]
        public void ScriptAnswerWithANullUserPropertyIsA500NamingIt()
        {
            var answer = JObject.Parse("{\"userId\":\"u\",\"mqtt\":{\"userProperties\":[null]}}");
            var e = Assert.Throws<WebPubSubRequestException>(() => EventResponseWriter.Write(RequestKind.Connect, Request(), answer));
            Assert.That(e!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(e.Message, Does.Contain("'mqtt.userProperties[0]'"));
        }

        [Test]
        public void TypedAnswerWithANullUserPropertyIsA500NamingIt()
        {
            var answer = Request().CreateMqttResponse("u", null, null);
            answer.Mqtt = new MqttConnectEventResponseProperties { UserProperties = new MqttUserProperty[] { null! } };
            var e = Assert.Throws<WebPubSubRequestException>(() => EventResponseWriter.Write(RequestKind.Connect, Request(), answer));
            Assert.That(e!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(e.Message, Does.Contain("'mqtt.userProperties[0]'"));
        }
    }
}
