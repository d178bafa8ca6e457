using System;
using System.Linq;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Contract;
using NUnit.Framework;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Serialization
{
    public class ActionJsonTests
    {
        [Test]
        public void BaseTypedArray_ReadsBackEachActionByName()
        {
            var actions = WorkerActions.All().ToArray();

            var copy = JsonSerializer.Deserialize<WebPubSubAction[]>(JsonSerializer.Serialize(actions))!;

            Assert.That(copy.Select(a => a.GetType()), Is.EqualTo(actions.Select(a => a.GetType())));
            Assert.That(((SendToAllAction)copy.First(a => a is SendToAllAction s && s.DataType == WebPubSubDataType.Binary)).Data.ToArray(), Is.EqualTo(WorkerActions.Binary));
        }

        [Test]
        public void UnknownActionName_IsAJsonError()
        {
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<WebPubSubAction>("{\"ActionName\":\"Explode\"}"));
        }

        [TestCase(typeof(SendToAllAction), "SendToAll")]
        [TestCase(typeof(CloseUserConnectionsAction), "CloseUserConnections")]
        [TestCase(typeof(RemoveConnectionsFromGroupsAction), "RemoveConnectionsFromGroups")]
        public void ActionName_IsTheTypeNameWithoutAction(Type type, string name)
        {
            Assert.That(((WebPubSubAction)Activator.CreateInstance(type)!).ActionName, Is.EqualTo(name));
        }
    }
}
