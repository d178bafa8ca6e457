using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub;
using Microsoft.Azure.WebPubSub.Common;

namespace Chat
{
    /// <summary>
    /// A small chat room: every client joins <c>lobby</c>; chat lines are broadcast as
    /// <c>{"from":user,"text":...}</c>; each sender gets <c>{"ack":n}</c> with its own message count,
    /// kept in the connection state <c>count</c>. The hub comes from the app setting <c>WebPubSubHub</c>.
    /// </summary>
    public static class ChatFunctions
    {
        public const string Hub = "%WebPubSubHub%";
        public const string Lobby = "lobby";

        [FunctionName("index")]
        public static IActionResult Index([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest req) =>
            new ContentResult { Content = ReadPage(), ContentType = "text/html; charset=utf-8", StatusCode = StatusCodes.Status200OK };

        [FunctionName("negotiate")]
        public static WebPubSubConnection Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post")] HttpRequest req,
            [WebPubSubConnection(Hub = Hub, UserId = "{query.userid}", Roles = new[] { "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup" })] WebPubSubConnection connection) =>
            connection;

        [FunctionName("connect")]
        public static WebPubSubEventResponse Connect(
            [WebPubSubTrigger(Hub, WebPubSubEventType.System, "connect")] ConnectEventRequest request)
        {
            var userId = request.ConnectionContext.UserId;
            if (string.IsNullOrEmpty(userId))
            {
                return request.CreateErrorResponse(WebPubSubErrorCode.Unauthorized, "Pick a user name first (negotiate with ?userid=).");
            }

            var response = request.CreateResponse(userId, new[] { Lobby }, null, null);
            response.SetState("joinedAt", BinaryData.FromObjectAsJson(DateTimeOffset.UtcNow));
            return response;
        }

        [FunctionName("connected")]
        public static Task Connected(
            [WebPubSubTrigger(Hub, WebPubSubEventType.System, "connected")] ConnectedEventRequest request,
            [WebPubSub(Hub = Hub)] IAsyncCollector<WebPubSubAction> actions) =>
            actions.AddAsync(WebPubSubAction.CreateSendToGroupAction(Lobby, $"{request.ConnectionContext.UserId} joined", WebPubSubDataType.Text));

        [FunctionName("message")]
        public static async Task<UserEventResponse> Message(
            [WebPubSubTrigger(Hub, WebPubSubEventType.User, "message")] UserEventRequest request,
            [WebPubSub(Hub = Hub)] IAsyncCollector<WebPubSubAction> actions)
        {
            var context = request.ConnectionContext;
            var line = JsonSerializer.Serialize(new ChatLine { From = context.UserId, Text = ReadText(request) });
            await actions.AddAsync(WebPubSubAction.CreateSendToGroupAction(Lobby, BinaryData.FromString(line), WebPubSubDataType.Json));

            var count = ReadCount(request) + 1;
            var response = request.CreateResponse(BinaryData.FromString($"{{\"ack\":{count}}}"), WebPubSubDataType.Json);
            response.SetState("count", BinaryData.FromObjectAsJson(count));
            return response;
        }

        [FunctionName("close-me")]
        public static Task CloseMe(
            [WebPubSubTrigger(Hub, WebPubSubEventType.User, "close-me")] UserEventRequest request,
            [WebPubSub(Hub = Hub)] IAsyncCollector<WebPubSubAction> actions) =>
            actions.AddAsync(WebPubSubAction.CreateCloseClientConnectionAction(request.ConnectionContext.ConnectionId, "bye"));

        /// <summary>Always throws: tests use it to see how a failing user-event function is answered.</summary>
        [FunctionName("fail")]
        public static UserEventResponse Fail(
            [WebPubSubTrigger(Hub, WebPubSubEventType.User, "fail")] UserEventRequest request) =>
            throw new InvalidOperationException($"The 'fail' event always fails (connection {request.ConnectionContext.ConnectionId}).");

        [FunctionName("disconnected")]
        public static Task Disconnected(
            [WebPubSubTrigger(Hub, WebPubSubEventType.System, "disconnected")] DisconnectedEventRequest request,
            [WebPubSub(Hub = Hub)] IAsyncCollector<WebPubSubAction> actions) =>
            actions.AddAsync(WebPubSubAction.CreateSendToGroupAction(Lobby, $"{request.ConnectionContext.UserId} left", WebPubSubDataType.Text));

        private static string ReadText(UserEventRequest request)
        {
            var raw = request.Data?.ToString() ?? string.Empty;
            if (request.DataType == WebPubSubDataType.Json)
            {
                // A JSON string is shown as its text; any other JSON value as written.
                try
                {
                    using var document = JsonDocument.Parse(raw);
                    if (document.RootElement.ValueKind == JsonValueKind.String)
                    {
                        return document.RootElement.GetString() ?? string.Empty;
                    }
                }
                catch (JsonException)
                {
                }
            }
            return raw;
        }

        private static int ReadCount(UserEventRequest request)
        {
            if (request.ConnectionContext.ConnectionStates.TryGetValue("count", out var value))
            {
                try
                {
                    return value.ToObjectFromJson<int>();
                }
                catch (JsonException)
                {
                }
            }
            return 0;
        }

        private static string ReadPage()
        {
            using var stream = typeof(ChatFunctions).Assembly.GetManifestResourceStream("Chat.index.html")
                ?? throw new InvalidOperationException("The page resource 'Chat.index.html' is missing.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        private sealed class ChatLine
        {
            [System.Text.Json.Serialization.JsonPropertyName("from")]
            public string? From { get; set; }

            [System.Text.Json.Serialization.JsonPropertyName("text")]
            public string? Text { get; set; }
        }
    }
}
