using System;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub;
using Microsoft.Azure.WebPubSub.Common;

namespace WebPubSub.Smoke
{
    /// <summary>The only functions the smoke host indexes (see <see cref="SmokeTypeLocator"/>).</summary>
    public static class SmokeFunctions
    {
        public const string Hub = "chat";

        /// <summary>Set by <see cref="Negotiate"/>, read by the program.</summary>
        public static WebPubSubConnection? LastConnection { get; private set; }

        [FunctionName("connect")]
        public static WebPubSubEventResponse Connect(
            [WebPubSubTrigger(Hub, WebPubSubEventType.System, "connect")] ConnectEventRequest request)
            => request.ConnectionContext.UserId == null
                ? request.CreateErrorResponse(WebPubSubErrorCode.Unauthorized, "sign in first")
                : request.CreateResponse(request.ConnectionContext.UserId, new[] { "lobby" }, null, null);

        [FunctionName("message")]
        public static UserEventResponse Message(
            [WebPubSubTrigger(Hub, WebPubSubEventType.User, "message")] UserEventRequest request,
            BinaryData data,
            WebPubSubDataType dataType)
            => request.CreateResponse($"echo ({dataType}): {data}", WebPubSubDataType.Text);

        /// <summary>A negotiate function without an HTTP trigger: the program calls it with <c>JobHost.CallAsync</c>.</summary>
        [NoAutomaticTrigger]
        public static void Negotiate(
            string userid,
            [WebPubSubConnection(Hub = Hub, UserId = "{userid}")] WebPubSubConnection connection)
            => LastConnection = connection;
    }
}
