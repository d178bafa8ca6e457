using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace WebPubSubIsolatedApp
{
    /// <summary>Every attribute form of the package; the test reads what the SDK made of each in functions.metadata.</summary>
    public static class Functions
    {
        [Function("connect")]
        public static WebPubSubEventResponse Connect([WebPubSubTrigger("hub1", WebPubSubEventType.System, "connect")] ConnectEventRequest request) =>
            ConnectEventRequest.CreateResponse(request.ConnectionContext.UserId, new[] { "g1" }, null, null);

        [Function("message")]
        [WebPubSubOutput(Hub = "hub1")]
        public static WebPubSubAction[] Message([WebPubSubTrigger("hub1", WebPubSubEventType.User, "message", "WebPubSubConnectionString", "AltConn")] UserEventRequest request) =>
            new WebPubSubAction[] { new SendToAllAction { Data = request.Data!, DataType = request.DataType } };

        [Function("mqttConnect")]
        public static MqttConnectEventResponse MqttConnect([WebPubSubTrigger(WebPubSubEventType.System, "connect", ClientProtocols = WebPubSubTriggerAcceptedClientProtocols.Mqtt)] MqttConnectEventRequest request) =>
            MqttConnectEventRequest.CreateMqttResponse(request.ConnectionContext.UserId, null, null);

        [Function("joined")]
        public static void Joined([WebPubSubTrigger("hub1", WebPubSubEventType.GroupPresence, "joined")] JoinedGroupEventRequest request)
        {
        }

        [Function("disconnectedRaw")]
        public static void DisconnectedRaw([WebPubSubTrigger("hub1", WebPubSubEventType.System, "disconnected")] string request)
        {
        }

        [Function("negotiate")]
        public static WebPubSubConnection Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData req,
            [WebPubSubConnectionInput(Hub = "hub1", UserId = "{query.userid}")] WebPubSubConnection connection) => connection;

        [Function("negotiateFull")]
        public static WebPubSubConnection NegotiateFull(
            [HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData req,
            [WebPubSubConnectionInput(Hub = "hub1", UserId = "{query.userid}", Connection = "AltConn", Roles = new[] { "webpubsub.joinLeaveGroup.lobby", "webpubsub.sendToGroup.lobby" },
                Groups = new[] { "lobby" }, ExpiresAfterMinutes = 5, ClientProtocol = WebPubSubClientProtocol.Mqtt)] WebPubSubConnection connection) => connection;

        [Function("negotiateText")]
        public static string NegotiateText(
            [HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData req,
            [WebPubSubConnectionInput(Hub = "hub1", UserId = "{query.userid}")] string connection) => connection;

        [Function("validate")]
        public static HttpResponseData Validate(
            [HttpTrigger(AuthorizationLevel.Anonymous, "options", "post")] HttpRequestData req,
            [WebPubSubContextInput] WebPubSubContext context) => req.CreateResponse((HttpStatusCode)context.Response.Status);

        [Function("validateParams")]
        public static HttpResponseData ValidateParams(
            [HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData req,
            [WebPubSubContextInput("WebPubSubConnectionString", "AltConn")] WebPubSubContext context) => req.CreateResponse(HttpStatusCode.OK);

        [Function("validateNamed")]
        public static HttpResponseData ValidateNamed(
            [HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData req,
            [WebPubSubContextInput(Connections = new[] { "AltConn" })] WebPubSubContext context) => req.CreateResponse(HttpStatusCode.OK);

        [Function("broadcast")]
        public static BroadcastOutput Broadcast([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData req) => new()
        {
            Action = new SendToGroupAction { Group = "lobby", Data = System.BinaryData.FromString("hi") },
            Response = req.CreateResponse(HttpStatusCode.Accepted),
        };
    }

    public sealed class BroadcastOutput
    {
        [WebPubSubOutput(Hub = "hub1", Connection = "AltConn")]
        public WebPubSubAction? Action { get; set; }

        [HttpResult]
        public HttpResponseData? Response { get; set; }
    }
}
