using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Contract;
using NUnit.Framework;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Serialization
{
    /// <summary>
    /// Responses and actions survive a round trip through the app's own serializer (System.Text.Json with either
    /// naming, or Newtonsoft): nothing of the package's needs the default serializer.
    /// </summary>
    [TestFixtureSource(typeof(WorkerSerializers), nameof(WorkerSerializers.Names))]
    public class RoundTripTests
    {
        private readonly string _serializer;

        public RoundTripTests(string serializer) => _serializer = serializer;

        private T RoundTrip<T>(T value)
            where T : class
        {
            var serializer = WorkerSerializers.Get(_serializer);
            return (T)serializer.Deserialize(serializer.Serialize(value, value.GetType()).ToStream(), value.GetType(), default)!;
        }

        private static IEnumerable Actions() => WorkerActions.All().Select(a => new TestCaseData(a).SetArgDisplayNames(a.ActionName));

        [TestCaseSource(nameof(Actions))]
        public void Action(WebPubSubAction action)
        {
            var copy = RoundTrip(action);

            foreach (var property in action.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.That(Normalize(property.GetValue(copy)), Is.EqualTo(Normalize(property.GetValue(action))), property.Name);
            }
        }

        [Test]
        public void UserEventResponse_DataAndStates()
        {
            var response = new UserEventResponse(BinaryData.FromBytes(WorkerActions.Binary), WebPubSubDataType.Binary);
            response.SetState("n", new { a = 1 });

            var copy = RoundTrip(response);

            Assert.That(copy.Data!.ToArray(), Is.EqualTo(WorkerActions.Binary));
            Assert.That(copy.DataType, Is.EqualTo(WebPubSubDataType.Binary));
            Assert.That(copy.ConnectionStates!["n"].ToString(), Is.EqualTo("{\"a\":1}"));
        }

        [Test]
        public void ErrorResponse()
        {
            var copy = RoundTrip(new EventErrorResponse(WebPubSubErrorCode.UserError, "no"));

            Assert.That(copy.Code, Is.EqualTo(WebPubSubErrorCode.UserError));
            Assert.That(copy.ErrorMessage, Is.EqualTo("no"));
        }

        [Test]
        public void Connection()
        {
            var connection = new WebPubSubConnection { BaseUri = new Uri("wss://h/client/hubs/x"), Uri = new Uri("wss://h/client/hubs/x?access_token=t"), AccessToken = "t" };

            var json = WorkerSerializers.ToJson(_serializer, connection);
            var copy = RoundTrip(connection);

            Assert.That(json, Does.Contain("\"baseUrl\"").And.Contain("\"url\"").And.Contain("\"accessToken\""), "the names clients read");
            Assert.That(copy.Uri, Is.EqualTo(connection.Uri));
            Assert.That(copy.AccessToken, Is.EqualTo("t"));
        }

        private static object? Normalize(object? value) => value switch
        {
            BinaryData data => data.ToArray(),
            IEnumerable list and not string => list.Cast<object>().ToArray(),
            _ => value,
        };
    }
}
