using System;
using System.Net.Http;
using System.Threading.Tasks;
using Azure.Messaging.WebPubSub;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub;
using Microsoft.Azure.WebPubSub.Common;

#pragma warning disable CS0618 // The singular Connection is obsolete, and still part of the API this app covers.
namespace WebPubSubFunctionApp
{
    /// <summary>
    /// Functions written against the extension's C# API, together using every constructor and every property of
    /// the four attributes. The build generates their function.json files; FunctionAppBuildTests also runs them in
    /// a JobHost. Connection names: the default, and <c>Other</c>.
    /// </summary>
    public static class ChatFunctions
    {
        // Trigger constructor (hub, eventType, eventName).
        [FunctionName("connect")]
        public static WebPubSubEventResponse Connect(
            [WebPubSubTrigger("chat", WebPubSubEventType.System, "connect")] ConnectEventRequest request)
            => request.ConnectionContext.UserId == null
                ? request.CreateErrorResponse(WebPubSubErrorCode.Unauthorized, "sign in first")
                : request.CreateResponse(request.ConnectionContext.UserId, new[] { "lobby" }, null, null);

        // Trigger constructor (hub, eventType, eventName, params connections); output Hub.
        [FunctionName("message")]
        public static async Task<UserEventResponse> Message(
            [WebPubSubTrigger("chat", WebPubSubEventType.User, "message", "WebPubSubConnectionString", "Other")] UserEventRequest request,
            BinaryData data,
            WebPubSubDataType dataType,
            [WebPubSub(Hub = "chat")] IAsyncCollector<WebPubSubAction> actions)
        {
            await actions.AddAsync(WebPubSubAction.CreateSendToAllAction(data, dataType));
            return request.CreateResponse("ack", WebPubSubDataType.Text);
        }

        // Trigger constructor (eventType, eventName): the default hub.
        [FunctionName("connected")]
        public static void Connected(
            [WebPubSubTrigger(WebPubSubEventType.System, "connected")] ConnectedEventRequest request)
        {
        }

        // Trigger constructor (eventType, eventName, params connections); output Hub and Connection.
        [FunctionName("disconnected")]
        [return: WebPubSub(Hub = "chat", Connection = "Other")]
        public static WebPubSubAction Disconnected(
            [WebPubSubTrigger(WebPubSubEventType.System, "disconnected", "Other")] DisconnectedEventRequest request)
            => WebPubSubAction.CreateSendToAllAction($"{request.ConnectionContext.UserId} left: {request.Reason}", WebPubSubDataType.Text);

        // Trigger properties ClientProtocols and the singular Connection.
        [FunctionName("mqttConnect")]
        public static WebPubSubEventResponse MqttConnect(
            [WebPubSubTrigger("chat", WebPubSubEventType.System, "connect", ClientProtocols = WebPubSubTriggerAcceptedClientProtocols.Mqtt, Connection = "Other")] MqttConnectEventRequest request)
            => request.CreateMqttResponse(request.ConnectionContext.UserId, null, null);

        [FunctionName("negotiate")]
        public static WebPubSubConnection Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post")] HttpRequest req,
            [WebPubSubConnection(Hub = "chat", UserId = "{query.userid}", Roles = new[] { "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup.lobby" },
                Groups = new[] { "lobby", "news" }, ExpiresAfterMinutes = 30)] WebPubSubConnection connection)
            => connection;

        [FunctionName("negotiateMqtt")]
        public static WebPubSubConnection NegotiateMqtt(
            [HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest req,
            [WebPubSubConnection(Hub = "chat", UserId = "{query.userid}", Connection = "Other", ClientProtocol = WebPubSubClientProtocol.Mqtt)] WebPubSubConnection connection)
            => connection;

        // Context constructor ().
        [FunctionName("validate")]
        public static HttpResponseMessage Validate(
            [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "options")] HttpRequest req,
            [WebPubSubContext] WebPubSubContext context)
            => Answer(context);

        // Context constructor (params connections).
        [FunctionName("validateParams")]
        public static HttpResponseMessage ValidateParams(
            [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options")] HttpRequest req,
            [WebPubSubContext("Other")] WebPubSubContext context)
            => Answer(context);

        // Context property Connections.
        [FunctionName("validateNamed")]
        public static HttpResponseMessage ValidateNamed(
            [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options")] HttpRequest req,
            [WebPubSubContext(Connections = new[] { "Other" })] WebPubSubContext context)
            => Answer(context);

        // Context property Connection (singular).
        [FunctionName("validateLegacy")]
        public static HttpResponseMessage ValidateLegacy(
            [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options")] HttpRequest req,
            [WebPubSubContext(Connection = "Other")] WebPubSubContext context)
            => Answer(context);

        private static HttpResponseMessage Answer(WebPubSubContext context)
            => context.IsPreflight || context.HasError ? context.Response : new HttpResponseMessage(System.Net.HttpStatusCode.OK);
    }
}
