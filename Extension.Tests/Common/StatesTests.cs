using System;
using System.Collections.Generic;
using Microsoft.Azure.WebPubSub.Common;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common
{
    public class StatesTests
    {
        private static IEnumerable<Func<WebPubSubEventResponse>> Responses()
        {
            yield return () => new ConnectEventResponse();
            yield return () => new UserEventResponse("x");
        }

        private static void Set(WebPubSubEventResponse response, string key, BinaryData value)
        {
            if (response is ConnectEventResponse connect) connect.SetState(key, value);
            else ((UserEventResponse)response).SetState(key, value);
        }

        private static void Clear(WebPubSubEventResponse response)
        {
            if (response is ConnectEventResponse connect) connect.ClearStates();
            else ((UserEventResponse)response).ClearStates();
        }

        [TestCaseSource(nameof(Responses))]
        public void SetStateAddsAndOverwrites(Func<WebPubSubEventResponse> create)
        {
            var response = create();
            Set(response, "a", BinaryData.FromString("1"));
            Set(response, "b", BinaryData.FromString("2"));
            Set(response, "a", BinaryData.FromString("3"));

            Assert.That(response.StatesCleared, Is.False);
            Assert.That(response.PendingStates.Keys, Is.EquivalentTo(new[] { "a", "b" }));
            Assert.That(response.PendingStates["a"].ToString(), Is.EqualTo("3"));
        }

        [TestCaseSource(nameof(Responses))]
        public void ClearStatesIsRememberedAndLaterStatesReplaceEverything(Func<WebPubSubEventResponse> create)
        {
            var response = create();
            Set(response, "old", BinaryData.FromString("1"));
            Clear(response);

            Assert.That(response.StatesCleared, Is.True);
            Assert.That(response.PendingStates, Is.Empty);

            Set(response, "new", BinaryData.FromString("2"));
            Assert.That(response.StatesCleared, Is.True, "a later SetState means: exactly these states");
            Assert.That(response.PendingStates.Keys, Is.EqualTo(new[] { "new" }));
        }

        [Test]
        public void FreshResponsesChangeNothing()
        {
            foreach (WebPubSubEventResponse response in new WebPubSubEventResponse[] { new ConnectEventResponse(), new UserEventResponse(), new EventErrorResponse() })
            {
                Assert.That(response.StatesCleared, Is.False);
                Assert.That(response.PendingStates, Is.Empty);
            }
        }

        [Test]
        public void PublicStateViewsAgree()
        {
            var response = new ConnectEventResponse();
            response.SetState("n", BinaryData.FromString("42"));
            Assert.That(response.ConnectionStates["n"].ToString(), Is.EqualTo("42"));
            Assert.That(response.States["n"], Is.EqualTo("42"));

            response.ClearStates();
            Assert.That(response.ConnectionStates, Is.Not.Null.And.Empty);
            Assert.That(response.States, Is.Empty);
        }

        [Test]
        public void SetStateWithObjectStoresItsJson()
        {
            var response = new UserEventResponse();
#pragma warning disable CS0618
            response.SetState("o", (object)new { Name = "x", Count = 2 });
            response.SetState("s", (object)"text");
            response.SetState("b", (object)BinaryData.FromString("raw"));
#pragma warning restore CS0618
            Assert.That(response.ConnectionStates["o"].ToString(), Is.EqualTo("{\"Name\":\"x\",\"Count\":2}"));
            Assert.That(response.ConnectionStates["s"].ToString(), Is.EqualTo("\"text\""));
            Assert.That(response.ConnectionStates["b"].ToString(), Is.EqualTo("raw"), "binary values are not re-serialised");
        }

        [Test]
        public void NullKeyOrValueIsRejected()
        {
            var response = new ConnectEventResponse();
            Assert.Throws<ArgumentNullException>(() => response.SetState(null!, BinaryData.FromString("1")));
            Assert.Throws<ArgumentNullException>(() => response.SetState("k", (BinaryData)null!));
        }

        [Test]
        public void ContextStatesAreNeverNull()
        {
            var context = new WebPubSubConnectionContext(WebPubSubEventType.User, "message", "h", "c");
            Assert.That(context.ConnectionStates, Is.Not.Null.And.Empty);
            Assert.That(context.States, Is.Not.Null.And.Empty);
        }

        [Test]
        public void LegacyContextConstructorSerialisesNonBinaryValues()
        {
            var states = new Dictionary<string, object>
            {
                ["bin"] = BinaryData.FromString("{\"raw\":true}"),
                ["num"] = 5,
                ["str"] = "hello",
                ["obj"] = new Dictionary<string, int> { ["a"] = 1 },
            };
            var context = new WebPubSubConnectionContext(WebPubSubEventType.System, "connected", "h", "c", null, null, null, states, null);

            Assert.That(context.ConnectionStates["bin"].ToString(), Is.EqualTo("{\"raw\":true}"));
            Assert.That(context.ConnectionStates["num"].ToString(), Is.EqualTo("5"));
            Assert.That(context.ConnectionStates["str"].ToString(), Is.EqualTo("\"hello\""));
            Assert.That(context.ConnectionStates["obj"].ToString(), Is.EqualTo("{\"a\":1}"));
        }

        [Test]
        public void LegacyStatesViewAgreesWithConnectionStates()
        {
            var context = new WebPubSubConnectionContext(WebPubSubEventType.System, "connected", "h", "c",
                connectionStates: new Dictionary<string, BinaryData>
                {
                    ["a"] = BinaryData.FromString("\"x\""),
                    ["b"] = BinaryData.FromString("[1,2]"),
                });

            Assert.That(context.States.Keys, Is.EquivalentTo(context.ConnectionStates.Keys));
            foreach (var pair in context.ConnectionStates)
            {
                Assert.That(context.States[pair.Key], Is.EqualTo(pair.Value.ToString()));
            }
        }
    }
}
