using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Serialization;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Output;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using HostAction = Microsoft.Azure.WebJobs.Extensions.WebPubSub.WebPubSubAction;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Contract
{
    /// <summary>
    /// Every action the worker sends, with each serializer an app may configure, becomes the same host-side action
    /// through this repository's output converters (<c>JObject</c> and <c>JArray</c> to actions): same type, same
    /// values, data byte for byte.
    /// </summary>
    [TestFixtureSource(typeof(WorkerSerializers), nameof(WorkerSerializers.Names))]
    public class WorkerToHostActionTests
    {
        private readonly string _serializer;

        public WorkerToHostActionTests(string serializer) => _serializer = serializer;

        private static IEnumerable Actions() => WorkerActions.All().Select(a => new TestCaseData(a).SetArgDisplayNames(a.ActionName + "/" + (a.GetType().GetProperty("DataType")?.GetValue(a) ?? "-")));

        [TestCaseSource(nameof(Actions))]
        public void Action_BecomesTheSameHostAction(WebPubSubAction action)
        {
            foreach (var declared in new[] { action.GetType(), typeof(WebPubSubAction), typeof(object) })
            {
                var json = WorkerSerializers.ToJson(_serializer, action, declared);

                AssertSame(action, ActionJson.ToAction(JObject.Parse(json)), json);
            }
        }

        [Test]
        public void ActionArray_BecomesTheSameHostActions()
        {
            var actions = WorkerActions.All().ToArray();

            var json = WorkerSerializers.ToJson(_serializer, actions, typeof(WebPubSubAction[]));
            var hostActions = ActionJson.ToActions(JArray.Parse(json));

            Assert.That(hostActions, Has.Length.EqualTo(actions.Length));
            for (int i = 0; i < actions.Length; i++)
            {
                AssertSame(actions[i], hostActions[i], json);
            }
        }

        [Test]
        public void BinarySend_IsANodeBuffer_TextAndJsonAreStrings()
        {
            var binary = JObject.Parse(WorkerSerializers.ToJson(_serializer, new SendToAllAction { Data = BinaryData.FromBytes(new byte[] { 1, 2, 3 }), DataType = WebPubSubDataType.Binary }));
            var json = JObject.Parse(WorkerSerializers.ToJson(_serializer, new SendToAllAction { Data = BinaryData.FromString("{\"j\":1}"), DataType = WebPubSubDataType.Json }));

            Assert.That(Get(binary, "data"), Is.EqualTo(JToken.Parse("{\"type\":\"Buffer\",\"data\":[1,2,3]}")).Using<JToken>(JToken.DeepEquals));
            Assert.That(Get(json, "data")!.Value<string>(), Is.EqualTo("{\"j\":1}"));
            Assert.That(Get(json, "dataType")!.Value<string>(), Is.EqualTo("Json"));
            Assert.That(Get(json, "actionName")!.Value<string>(), Is.EqualTo("SendToAll"));
        }

        private static JToken? Get(JObject json, string name) => json.GetValue(name, StringComparison.OrdinalIgnoreCase);

        /// <summary>Every public property of the worker action has the same value on the host action of the same name.</summary>
        private static void AssertSame(WebPubSubAction expected, HostAction actual, string json)
        {
            Assert.That(actual.GetType().Name, Is.EqualTo(expected.GetType().Name), json);
            foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != nameof(WebPubSubAction.ActionName)))
            {
                var hostProperty = actual.GetType().GetProperty(property.Name);
                Assert.That(hostProperty, Is.Not.Null, $"{actual.GetType().Name}.{property.Name}");
                Assert.That(Normalize(hostProperty!.GetValue(actual)), Is.EqualTo(Normalize(property.GetValue(expected))), $"{property.Name} in {json}");
            }
        }

        private static object? Normalize(object? value) => value switch
        {
            BinaryData data => data.ToArray(),
            Enum e => e.ToString(),
            IEnumerable list and not string => list.Cast<object>().ToArray(),
            _ => value,
        };
    }
}
