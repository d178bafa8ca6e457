using System;
using System.Collections.Concurrent;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Trigger
{
    /// <summary>What the test functions saw; keyed by test so parallel fixtures don't mix.</summary>
    internal static class Seen
    {
        public static readonly ConcurrentDictionary<string, object?> Values = new();
    }

    public static class ChatFunctions
    {
        public static Func<ConnectEventRequest, object?> OnConnect = request => request.CreateResponse(request.ConnectionContext.UserId, new[] { "lobby" }, null, new[] { "webpubsub.joinLeaveGroup" });

        [FunctionName("connect")]
        public static object? Connect([WebPubSubTrigger("chat", WebPubSubEventType.System, "connect")] ConnectEventRequest request)
        {
            Seen.Values["connect"] = request;
            return OnConnect(request);
        }

        [FunctionName("connected")]
        public static void Connected([WebPubSubTrigger("chat", WebPubSubEventType.System, "connected")] WebPubSubConnectionContext connectionContext, string connectionId, string userId)
        {
            Seen.Values["connected"] = connectionContext;
            Seen.Values["connected.connectionId"] = connectionId;
            Seen.Values["connected.userId"] = userId;
            if (connectionId == "fail")
            {
                throw new InvalidOperationException("connected failed");
            }
        }

        [FunctionName("message")]
        public static UserEventResponse Message(
            [WebPubSubTrigger("chat", WebPubSubEventType.User, "message")] UserEventRequest request,
            BinaryData data, WebPubSubDataType dataType, WebPubSubConnectionContext connectionContext)
        {
            Seen.Values["message"] = request;
            Seen.Values["message.data"] = data;
            Seen.Values["message.dataType"] = dataType;
            Seen.Values["message.context"] = connectionContext;
            var response = request.CreateResponse(data, dataType);
            response.SetState("counter", BinaryData.FromString("2"));
            return response;
        }

        [FunctionName("clear")]
        public static UserEventResponse Clear([WebPubSubTrigger("chat", WebPubSubEventType.User, "clear")] UserEventRequest request)
        {
            var response = request.CreateResponse("cleared");
            response.ClearStates();
            return response;
        }

        [FunctionName("throws")]
        public static UserEventResponse Throws([WebPubSubTrigger("chat", WebPubSubEventType.User, "throws")] UserEventRequest request) =>
            throw new InvalidOperationException("the function broke");

        [FunctionName("script")]
        public static JObject Script([WebPubSubTrigger("chat", WebPubSubEventType.User, "script")] JObject request)
        {
            Seen.Values["script"] = request;
            return JObject.Parse(request["data"]!.Value<string>()!);
        }

        [FunctionName("disconnected")]
        public static void Disconnected([WebPubSubTrigger("chat", WebPubSubEventType.System, "disconnected")] DisconnectedEventRequest request, string reason)
        {
            Seen.Values["disconnected"] = request;
            Seen.Values["disconnected.reason"] = reason;
        }

        [FunctionName("joined")]
        public static void Joined([WebPubSubTrigger("chat", WebPubSubEventType.GroupPresence, "joined")] JoinedGroupEventRequest request)
        {
            Seen.Values["joined"] = request;
        }
    }

    public static class CatchAllFunctions
    {
        [FunctionName("anyUserEvent")]
        public static UserEventResponse Any([WebPubSubTrigger("chat", WebPubSubEventType.User, "*")] UserEventRequest request, string eventName) =>
            request.CreateResponse("caught " + eventName);
    }

    public static class BindingDataFunctions
    {
        [FunctionName("bindingData")]
        public static void BindingData(
            [WebPubSubTrigger("chat", WebPubSubEventType.User, "bindingData")] UserEventRequest request,
            [WebPubSubConnection(Hub = "{hub}", UserId = "{userId}")] WebPubSubConnection connection,
            string eventName)
        {
            Seen.Values["bindingData.connection"] = connection;
            Seen.Values["bindingData.eventName"] = eventName;
        }
    }

    public static class MqttFunctions
    {
        [FunctionName("mqttConnect")]
        public static WebPubSubEventResponse Connect(
            [WebPubSubTrigger("mqtthub", WebPubSubEventType.System, "connect", ClientProtocols = WebPubSubTriggerAcceptedClientProtocols.Mqtt)] MqttConnectEventRequest request,
            WebPubSubConnectionContext connectionContext)
        {
            Seen.Values["mqtt.connect"] = request;
            Seen.Values["mqtt.context"] = connectionContext;
            if (request.Mqtt.Username == "throw")
            {
                throw new InvalidOperationException("broker down");
            }
            return request.Mqtt.Username == "good"
                ? request.CreateMqttResponse("mqtt-user", null, null)
                : request.CreateMqttV311ErrorResponse(MqttV311ConnectReturnCode.NotAuthorized, "not authorized");
        }
    }

    public static class SettingHubFunctions
    {
        [FunctionName("settingHub")]
        public static void Connected([WebPubSubTrigger("%HubSetting%", WebPubSubEventType.System, "connected", "Other")] WebPubSubConnectionContext context)
        {
            Seen.Values["settingHub"] = context;
        }
    }

    public static class DuplicateFunctions
    {
        [FunctionName("first")]
        public static void First([WebPubSubTrigger("dup", WebPubSubEventType.System, "connected")] WebPubSubConnectionContext context)
        {
        }

        [FunctionName("second")]
        public static void Second([WebPubSubTrigger("DUP", WebPubSubEventType.System, "Connected")] WebPubSubConnectionContext context)
        {
        }
    }

    public static class IntTriggerFunctions
    {
        [FunctionName("badType")]
        public static void Bad([WebPubSubTrigger("chat", WebPubSubEventType.System, "connected")] int value)
        {
        }
    }
}
