using System;
using System.Collections.Generic;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Contracts
{
    /// <summary>
    /// The trigger's binding data keys: upstream's spelling (custom handlers read them verbatim), still found by any
    /// casing (WebJobs binds C# parameters and resolves binding expressions case-insensitively).
    /// </summary>
    public class BindingDataKeyTests
    {
        private static readonly string[] Expected =
        {
            "Request", "ConnectionContext", "Data", "DataType", "Claims", "Query", "Subprotocols", "ClientCertificates", "Reason",
            "group", "connectionId", "userId", "hub", "eventName",
        };

        private static IReadOnlyDictionary<string, object?> Values()
        {
            var context = new WebPubSubConnectionContext(WebPubSubEventType.User, "message", "chat", "conn-1", "user-1");
            var request = new UserEventRequest(context, BinaryData.FromString("hi"), WebPubSubDataType.Json);
            return TriggerBindingData.Values(new WebPubSubTriggerEvent(context, request));
        }

        [Test]
        public void ValuesUseUpstreamsKeysPlusOurFlatOnes() => Assert.That(Values().Keys, Is.EqualTo(Expected));

        [Test]
        public void ContractUsesTheSameKeys()
        {
            var contract = TriggerBindingData.Contract("req", typeof(UserEventRequest));
            Assert.That(contract.Keys, Is.SupersetOf(Expected));
        }

        [TestCase("data")]
        [TestCase("DATA")]
        [TestCase("dataType")]
        [TestCase("connectionid")]
        public void LookupsIgnoreCase(string name)
        {
            Assert.That(Values().ContainsKey(name), Is.True);
            Assert.That(TriggerBindingData.Contract("req", typeof(UserEventRequest)).ContainsKey(name), Is.True);
        }

        /// <summary>C# <c>WebPubSubDataType dataType</c> parameters need the enum; workers need the name.</summary>
        [Test]
        public void DataTypeIsTheEnumThatSerialisesAsItsName()
        {
            var dataType = Values()["DataType"];
            Assert.That(dataType, Is.EqualTo(WebPubSubDataType.Json));
            Assert.That(JsonConvert.SerializeObject(dataType), Is.EqualTo("\"Json\""));
            Assert.That(JsonConvert.DeserializeObject<WebPubSubDataType>("1"), Is.EqualTo(WebPubSubDataType.Json));
            Assert.That(JsonConvert.DeserializeObject<WebPubSubDataType>("\"binary\""), Is.EqualTo(WebPubSubDataType.Binary));
        }

        /// <summary>The trigger parameter's own entry keeps upstream's spelling when it shares a name.</summary>
        [Test]
        public void TriggerParameterNamedRequestKeepsTheKeySpelling()
        {
            var contract = TriggerBindingData.Contract("request", typeof(string));
            Assert.That(contract.Keys, Has.Member("Request").And.No.Member("request"));
            Assert.That(contract["Request"], Is.EqualTo(typeof(string)));
        }
    }
}
