using System;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Chat.Isolated
{
    /// <summary>
    /// The chat room of samples/Chat: every client joins <c>lobby</c>; chat lines are broadcast as
    /// <c>{"from":user,"text":...}</c>; the sender gets <c>{"ack":true}</c>. The hub comes from the app setting
    /// <c>WebPubSubHub</c>. Unlike samples/Chat the ack carries no message count: see <see cref="Message"/>.
    /// </summary>
    public static class ChatFunctions
    {
        public const string Hub = "%WebPubSubHub%";
        public const string Lobby = "lobby";

        [Function("index")]
        public static async Task<HttpResponseData> Index([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData req)
        {
            var response = req.CreateResponse(HttpStatusCode.OK);
            response.Headers.Add("Content-Type", "text/html; charset=utf-8");
            await response.WriteStringAsync(ReadPage());
            return response;
        }

        [Function("negotiate")]
        public static async Task<HttpResponseData> Negotiate(
            [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post")] HttpRequestData req,
            [WebPubSubConnectionInput(Hub = Hub, UserId = "{query.userid}", Roles = new[] { "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup" })] WebPubSubConnection connection)
        {
            var response = req.CreateResponse(HttpStatusCode.OK);
            // {"baseUrl":..,"url":..,"accessToken":..}: what the page reads, with any WorkerOptions.Serializer.
            await response.WriteAsJsonAsync(connection);
            return response;
        }

        [Function("connect")]
        public static WebPubSubEventResponse Connect(
            [WebPubSubTrigger(Hub, WebPubSubEventType.System, "connect")] ConnectEventRequest request)
        {
            var userId = request.ConnectionContext.UserId;
            if (string.IsNullOrEmpty(userId))
            {
                return ConnectEventRequest.CreateErrorResponse(WebPubSubErrorCode.Unauthorized, "Pick a user name first (negotiate with ?userid=).");
            }

            var response = ConnectEventRequest.CreateResponse(userId, new[] { Lobby }, null, null);
            response.SetState("joinedAt", BinaryData.FromObjectAsJson(DateTimeOffset.UtcNow));
            return response;
        }

        [Function("connected")]
        [WebPubSubOutput(Hub = Hub)]
        public static WebPubSubAction Connected(
            [WebPubSubTrigger(Hub, WebPubSubEventType.System, "connected")] ConnectedEventRequest request) =>
            new SendToGroupAction { Group = Lobby, Data = BinaryData.FromString($"{request.ConnectionContext.UserId} joined"), DataType = WebPubSubDataType.Text };

        /// <summary>
        /// In the isolated model a function's output bindings replace its return value, so a user-event function
        /// either answers the event (and may set connection states, as samples/Chat counts messages) or sends actions. This one
        /// sends the broadcast and the sender's ack as actions, so it cannot keep a count in the connection states.
        /// </summary>
        [Function("message")]
        [WebPubSubOutput(Hub = Hub)]
        public static WebPubSubAction[] Message(
            [WebPubSubTrigger(Hub, WebPubSubEventType.User, "message")] UserEventRequest request)
        {
            var context = request.ConnectionContext;
            var line = JsonSerializer.Serialize(new ChatLine { From = context.UserId, Text = ReadText(request) });
            return new WebPubSubAction[]
            {
                new SendToGroupAction { Group = Lobby, Data = BinaryData.FromString(line), DataType = WebPubSubDataType.Json },
                new SendToConnectionAction { ConnectionId = context.ConnectionId, Data = BinaryData.FromString("{\"ack\":true}"), DataType = WebPubSubDataType.Json },
            };
        }

        [Function("close-me")]
        [WebPubSubOutput(Hub = Hub)]
        public static WebPubSubAction CloseMe(
            [WebPubSubTrigger(Hub, WebPubSubEventType.User, "close-me")] UserEventRequest request) =>
            new CloseClientConnectionAction { ConnectionId = request.ConnectionContext.ConnectionId, Reason = "bye" };

        [Function("disconnected")]
        [WebPubSubOutput(Hub = Hub)]
        public static WebPubSubAction Disconnected(
            [WebPubSubTrigger(Hub, WebPubSubEventType.System, "disconnected")] DisconnectedEventRequest request) =>
            new SendToGroupAction { Group = Lobby, Data = BinaryData.FromString($"{request.ConnectionContext.UserId} left"), DataType = WebPubSubDataType.Text };

        private static string ReadText(UserEventRequest request)
        {
            var raw = request.Data?.ToString() ?? string.Empty;
            if (request.DataType != WebPubSubDataType.Json)
            {
                return raw;
            }
            // A JSON string is shown as its text; any other JSON value as written.
            try
            {
                using var document = JsonDocument.Parse(raw);
                return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() ?? string.Empty : raw;
            }
            catch (JsonException)
            {
                return raw;
            }
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
