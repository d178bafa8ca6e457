using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Contracts
{
    /// <summary>One invocation as the Functions host holds it: the trigger input and <c>Binder.BindingData</c>.</summary>
    internal sealed record HostInvocation(string TriggerInput, IReadOnlyDictionary<string, object?> BindingData);

    /// <summary>Per host instance (a DI singleton), so no state outlives a fixture.</summary>
    public sealed class PayloadRecorder
    {
        internal ConcurrentDictionary<string, HostInvocation> Invocations { get; } = new();

        internal void Record(string function, string triggerInput, Binder binder) =>
            Invocations[function] = new HostInvocation(triggerInput, new Dictionary<string, object?>(binder.BindingData!));
    }

    /// <summary>
    /// Functions shaped like the ones the Functions host generates for function.json / isolated apps: the trigger
    /// bound to <c>string</c> (no <c>dataType</c>), named <c>request</c> as in upstream's samples, plus the
    /// <see cref="Binder"/> whose binding data the host forwards to workers.
    /// </summary>
    public sealed class PayloadCaptureFunctions
    {
        public const string Hub = "cap";
        public const string MqttHub = "capmqtt";
        private readonly PayloadRecorder _recorder;

        public PayloadCaptureFunctions(PayloadRecorder recorder) => _recorder = recorder;

        [FunctionName("capConnect")]
        public object? Connect([WebPubSubTrigger(Hub, WebPubSubEventType.System, "connect")] string request, Binder binder) =>
            Record("connect", request, binder);

        [FunctionName("capConnected")]
        public void Connected([WebPubSubTrigger(Hub, WebPubSubEventType.System, "connected")] string request, Binder binder) =>
            Record("connected", request, binder);

        [FunctionName("capMessage")]
        public object? Message([WebPubSubTrigger(Hub, WebPubSubEventType.User, "message")] string request, Binder binder) =>
            Record("message", request, binder);

        [FunctionName("capBinary")]
        public object? Binary([WebPubSubTrigger(Hub, WebPubSubEventType.User, "binary")] string request, Binder binder) =>
            Record("binary", request, binder);

        [FunctionName("capBinaryUtf8")]
        public object? BinaryUtf8([WebPubSubTrigger(Hub, WebPubSubEventType.User, "binary-utf8")] string request, Binder binder) =>
            Record("binary-utf8", request, binder);

        [FunctionName("capDisconnected")]
        public void Disconnected([WebPubSubTrigger(Hub, WebPubSubEventType.System, "disconnected")] string request, Binder binder) =>
            Record("disconnected", request, binder);

        [FunctionName("capJoined")]
        public void Joined([WebPubSubTrigger(Hub, WebPubSubEventType.GroupPresence, "joined")] string request, Binder binder) =>
            Record("joined", request, binder);

        [FunctionName("capMqttConnect")]
        public object? MqttConnect(
            [WebPubSubTrigger(MqttHub, WebPubSubEventType.System, "connect", ClientProtocols = WebPubSubTriggerAcceptedClientProtocols.Mqtt)] string request,
            Binder binder) =>
            Record("mqtt.connect", request, binder);

        [FunctionName("capMqttDisconnected")]
        public void MqttDisconnected(
            [WebPubSubTrigger(MqttHub, WebPubSubEventType.System, "disconnected", ClientProtocols = WebPubSubTriggerAcceptedClientProtocols.Mqtt)] string request,
            Binder binder) =>
            Record("mqtt.disconnected", request, binder);

        // Scripts that return nothing: the extension answers connect and user events with an empty 200/204.
        private object? Record(string function, string request, Binder binder)
        {
            _recorder.Record(function, request, binder);
            return null;
        }
    }
}
