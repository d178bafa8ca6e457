using System.Collections.Generic;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Contracts
{
    /// <summary>
    /// Base of the contract tests: one JobHost per fixture with every captured event kind already delivered, and the
    /// Functions host's steps (<see cref="FunctionsHostModel"/>) applied to what it recorded.
    /// </summary>
    public abstract class OutOfProcContractTests
    {
        public static readonly string[] EventKinds =
            { "connect", "connected", "message", "disconnected", "joined", "mqtt.connect", "mqtt.disconnected" };

        private OutOfProcPayloadFixture _fixture = null!;

        [OneTimeSetUp]
        public async Task DeliverEvents() => _fixture = await OutOfProcPayloadFixture.StartAsync();

        [OneTimeTearDown]
        public async Task StopHost() => await _fixture.DisposeAsync();

        /// <summary>The trigger input: the string the trigger binds to for a function without <c>dataType</c>.</summary>
        internal JObject TriggerInput(string kind) => JObject.Parse(_fixture.Invocation(kind).TriggerInput);

        internal OutOfProcPayloadFixture Fixture => _fixture;

        internal string RawTriggerInput(string kind) => _fixture.Invocation(kind).TriggerInput;

        /// <summary>The binding data the host forwards to workers (after <c>ApplyBindingData</c>).</summary>
        internal IReadOnlyDictionary<string, object?> ForwardedBindingData(string kind)
        {
            var invocation = _fixture.Invocation(kind);
            return FunctionsHostModel.ApplyBindingData(invocation.TriggerInput, invocation.BindingData);
        }

        internal JObject CustomHandlerMetadata(string kind) => FunctionsHostModel.CustomHandlerMetadata(ForwardedBindingData(kind));

        internal JObject NodeBindingData(string kind) =>
            FunctionsHostModel.NodeBindingData(FunctionsHostModel.RpcTriggerMetadata(ForwardedBindingData(kind)));
    }
}
