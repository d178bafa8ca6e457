using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub;
using Microsoft.Azure.WebPubSub.Common;

namespace WebPubSubFunctionApp
{
    /// <summary>
    /// Functions written against the upstream extension's documented C# API. The build only generates their
    /// function.json files; nothing runs them.
    /// </summary>
    public static class ChatFunctions
    {
        [FunctionName("connect")]
        public static WebPubSubEventResponse Connect(
            [WebPubSubTrigger("chat", WebPubSubEventType.System, "connect")] ConnectEventRequest request)
            => request.ConnectionContext.UserId == null
                ? request.CreateErrorResponse(WebPubSubErrorCode.Unauthorized, "sign in first")
                : request.CreateResponse(request.ConnectionContext.UserId, new[] { "lobby" }, null, null);

        [FunctionName("message")]
        public static async Task<UserEventResponse> Message(
            [WebPubSubTrigger("chat", WebPubSubEventType.User, "message")] UserEventRequest request,
            BinaryData data,
            WebPubSubDataType dataType,
            [WebPubSub(Hub = "chat")] IAsyncCollector<WebPubSubAction> actions)
        {
            await actions.AddAsync(WebPubSubAction.CreateSendToAllAction(data, dataType));
            return request.CreateResponse("ack", WebPubSubDataType.Text);
        }

        [FunctionName("negotiate")]
        public static WebPubSubConnection Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post")] HttpRequest req,
            [WebPubSubConnection(Hub = "chat", UserId = "{query.userid}")] WebPubSubConnection connection)
            => connection;

        [FunctionName("validate")]
        public static HttpResponseMessage Validate(
            [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "options")] HttpRequest req,
            [WebPubSubContext] WebPubSubContext context)
        {
            if (context.IsPreflight || context.HasError)
            {
                return context.Response;
            }
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }

        [FunctionName("disconnected")]
        [return: WebPubSub(Hub = "chat")]
        public static WebPubSubAction Disconnected(
            [WebPubSubTrigger("chat", WebPubSubEventType.System, "disconnected")] DisconnectedEventRequest request)
            => WebPubSubAction.CreateSendToAllAction($"{request.ConnectionContext.UserId} left: {request.Reason}", WebPubSubDataType.Text);

        [FunctionName("mqttConnect")]
        public static WebPubSubEventResponse MqttConnect(
            [WebPubSubTrigger("chat", WebPubSubEventType.System, "connect", ClientProtocols = WebPubSubTriggerAcceptedClientProtocols.Mqtt)] MqttConnectEventRequest request)
            => request.CreateMqttResponse(request.ConnectionContext.UserId, null, null);
    }
}
