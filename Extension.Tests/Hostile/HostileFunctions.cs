using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// One function per event kind of hub <c>fuzz</c>, each recording the value it got before touching it (a null
    /// must show up as a recorded null, not as the function's own crash). Plus the context binding's HTTP function.
    /// </summary>
    public sealed class HostileFunctions
    {
        public const string Hub = "fuzz";
        public const string ScriptHub = "script";
        private readonly InvocationRecorder _recorder;

        public HostileFunctions(InvocationRecorder recorder) => _recorder = recorder;

        [FunctionName("fuzzConnect")]
        public ConnectEventResponse? Connect(
            [WebPubSubTrigger(Hub, WebPubSubEventType.System, "connect", ClientProtocols = WebPubSubTriggerAcceptedClientProtocols.WebPubSub)] ConnectEventRequest request)
        {
            _recorder.Record("connect", request);
            return request?.CreateResponse(request.ConnectionContext.UserId ?? "anonymous", new[] { "g" }, null, null);
        }

        [FunctionName("fuzzMqttConnect")]
        public MqttConnectEventResponse? MqttConnect(
            [WebPubSubTrigger(Hub, WebPubSubEventType.System, "connect", ClientProtocols = WebPubSubTriggerAcceptedClientProtocols.Mqtt)] MqttConnectEventRequest request)
        {
            _recorder.Record("mqttConnect", request);
            return request?.CreateMqttResponse("mqtt-user", null, null);
        }

        [FunctionName("fuzzConnected")]
        public void Connected([WebPubSubTrigger(Hub, WebPubSubEventType.System, "connected")] WebPubSubConnectionContext connectionContext) =>
            _recorder.Record("connected", connectionContext);

        [FunctionName("fuzzDisconnected")]
        public void Disconnected(
            [WebPubSubTrigger(Hub, WebPubSubEventType.System, "disconnected", ClientProtocols = WebPubSubTriggerAcceptedClientProtocols.WebPubSub)] DisconnectedEventRequest request) =>
            _recorder.Record("disconnected", request);

        [FunctionName("fuzzMqttDisconnected")]
        public void MqttDisconnected(
            [WebPubSubTrigger(Hub, WebPubSubEventType.System, "disconnected", ClientProtocols = WebPubSubTriggerAcceptedClientProtocols.Mqtt)] MqttDisconnectedEventRequest request) =>
            _recorder.Record("mqttDisconnected", request);

        /// <summary>Unknown system events have no request type: a typed catch-all must not get null for them.</summary>
        [FunctionName("fuzzAnySystem")]
        public void AnySystem([WebPubSubTrigger(Hub, WebPubSubEventType.System, "*")] WebPubSubEventRequest request) =>
            _recorder.Record("anySystem", request);

        [FunctionName("fuzzMessage")]
        public UserEventResponse? Message([WebPubSubTrigger(Hub, WebPubSubEventType.User, "message")] UserEventRequest request)
        {
            _recorder.Record("message", request);
            var response = request?.CreateResponse(request.Data, request.DataType);
            response?.SetState("seen", BinaryData.FromString("true"));
            return response;
        }

        /// <summary>The script-language shape: the request as JSON in, a JSON object out.</summary>
        [FunctionName("fuzzAnyUser")]
        public JObject AnyUser([WebPubSubTrigger(Hub, WebPubSubEventType.User, "*")] JObject request)
        {
            _recorder.Record("anyUser", request);
            return new JObject { ["data"] = "ok", ["dataType"] = "text" };
        }

        [FunctionName("fuzzJoined")]
        public void Joined([WebPubSubTrigger(Hub, WebPubSubEventType.GroupPresence, "joined")] JoinedGroupEventRequest request) =>
            _recorder.Record("joined", request);

        [FunctionName("fuzzLeft")]
        public void Left([WebPubSubTrigger(Hub, WebPubSubEventType.GroupPresence, "left")] LeftGroupEventRequest request) =>
            _recorder.Record("left", request);

        /// <summary>Takes MQTT connects for every protocol: a WebSocket client's connect cannot be given to it.</summary>
        [FunctionName("strictMqttConnect")]
        public void StrictMqttConnect([WebPubSubTrigger("strict", WebPubSubEventType.System, "connect")] MqttConnectEventRequest request) =>
            _recorder.Record("strictMqttConnect", request);

        // Hub "script": the script-language shapes (JSON in, JSON out) for every event kind.
        [FunctionName("scriptConnect")]
        public JObject ScriptConnect([WebPubSubTrigger(ScriptHub, WebPubSubEventType.System, "connect")] JObject request)
        {
            _recorder.Record("scriptConnect", request);
            return JObject.Parse("{\"userId\":\"u\",\"groups\":[\"g\"],\"roles\":[],\"states\":{\"n\":{\"a\":1}},\"mqtt\":{\"userProperties\":[]}}");
        }

        [FunctionName("scriptAnySystem")]
        public void ScriptAnySystem([WebPubSubTrigger(ScriptHub, WebPubSubEventType.System, "*")] JObject request) =>
            _recorder.Record("scriptAnySystem", request);

        [FunctionName("scriptAnyUser")]
        public string ScriptAnyUser([WebPubSubTrigger(ScriptHub, WebPubSubEventType.User, "*")] string request)
        {
            _recorder.Record("scriptAnyUser", request);
            return "{\"data\":{\"echo\":true},\"dataType\":\"json\",\"states\":{\"k\":\"v\"}}";
        }

        [FunctionName("scriptGroups")]
        public void ScriptGroups([WebPubSubTrigger(ScriptHub, WebPubSubEventType.GroupPresence, "*")] byte[] request) =>
            _recorder.Record("scriptGroups", request);

        // No FunctionName: tests call these as "HostileFunctions.Context" and "HostileFunctions.ContextJson".
        public void Context([HttpTrigger("post", "options", "get", "put", "delete")] HttpRequest req, [WebPubSubContext] WebPubSubContext context) =>
            _recorder.Record("context", context);

        /// <summary>The context as script languages get it.</summary>
        public void ContextJson([HttpTrigger("post", "options", "get", "put", "delete")] HttpRequest req, [WebPubSubContext] JObject context) =>
            _recorder.Record("contextJson", context);
    }
}
