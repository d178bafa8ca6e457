using System;
using System.Collections.Generic;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hosting
{
    /// <summary>
    /// The Functions host hands binding data to JavaScript, Python and isolated workers with its own, default
    /// Newtonsoft settings. The event objects must come out in upstream's script shape anyway, without anybody
    /// touching <c>JsonConvert.DefaultSettings</c>.
    /// </summary>
    public class ScriptShapeTests
    {
        private static WebPubSubConnectionContext Context() => new(
            WebPubSubEventType.User, "message", "chat", "conn-1", "user-1", "sha256=x", "host",
            new Dictionary<string, BinaryData>
            {
                ["profile"] = BinaryData.FromString("{\"age\":3}"),
                ["when"] = BinaryData.FromString("\"2026-01-01T00:00:00Z\""),
                ["raw"] = BinaryData.FromString("not json"),
            });

        [Test]
        public void DefaultSerializerWritesUserEventsInTheScriptShape()
        {
            var request = new UserEventRequest(Context(), BinaryData.FromString("hello"), WebPubSubDataType.Text);
            var json = JObject.Parse(JsonConvert.SerializeObject(request));
            Assert.That(json["data"]!.Value<string>(), Is.EqualTo("hello"));
            Assert.That(json["dataType"]!.Value<string>(), Is.EqualTo("Text"));
            var context = json["connectionContext"]!;
            Assert.That(context["eventType"]!.Value<string>(), Is.EqualTo("User"));
            Assert.That(context["states"]!["profile"]!["age"]!.Value<int>(), Is.EqualTo(3));
            Assert.That(context["states"]!["when"]!.ToString(Formatting.None), Is.EqualTo("\"2026-01-01T00:00:00Z\""));
            Assert.That(context["states"]!["raw"]!.Value<string>(), Is.EqualTo("not json"));
            Assert.That(context["connectionId"]!.Value<string>(), Is.EqualTo("conn-1"));
        }

        [Test]
        public void TriggerDataBindingDataIsTextForScriptsAndBinaryDataForCSharp()
        {
            var request = new UserEventRequest(Context(), BinaryData.FromString("hello"), WebPubSubDataType.Text);
            var values = Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger.TriggerBindingData.Values(
                new Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger.WebPubSubTriggerEvent(request.ConnectionContext, request));
            Assert.That(values["data"], Is.InstanceOf<BinaryData>());
            Assert.That(JsonConvert.SerializeObject(values["data"]), Is.EqualTo("\"hello\""));
            Assert.That(((BinaryData)values["data"]!).ToString(), Is.EqualTo("hello"));
        }

        [Test]
        public void DefaultSerializerWritesUserResponses()
        {
            var response = new UserEventResponse(BinaryData.FromString("pong"), WebPubSubDataType.Json);
            var json = JObject.Parse(JsonConvert.SerializeObject(response));
            Assert.That(json["data"]!.Value<string>(), Is.EqualTo("pong"));
            Assert.That(json["dataType"]!.Value<string>(), Is.EqualTo("Json"));
        }
    }
}
