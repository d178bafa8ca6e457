using System;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WebPubSubStandIn.Connections;
using WebPubSubStandIn.Upstream;

namespace WebPubSubStandIn.Clients
{
    /// <summary>
    /// <c>json.webpubsub.azure.v1</c> and <c>json.reliable.webpubsub.azure.v1</c>: joinGroup, leaveGroup, sendToGroup,
    /// event, ping (and sequenceAck, ignored: the stand-in keeps no replay buffer).
    /// Acks for requests with an <c>ackId</c>; a reused ackId gets a <c>Duplicate</c> ack and is not processed again.
    /// Binary frames close with 1003, malformed JSON with 1007.
    /// </summary>
    public sealed class JsonProtocol : IClientProtocol
    {
        private readonly UpstreamClient _upstream;
        private readonly ConnectionRegistry _registry;
        private readonly ILogger<JsonProtocol> _logger;

        public JsonProtocol(UpstreamClient upstream, ConnectionRegistry registry, ILogger<JsonProtocol> logger)
        {
            _upstream = upstream;
            _registry = registry;
            _logger = logger;
        }

        public async Task HandleAsync(ClientConnection connection, WebSocketMessageType type, ReadOnlyMemory<byte> data)
        {
            if (type != WebSocketMessageType.Text)
            {
                ConnectionCloser.Close(connection, WebSocketCloseStatus.InvalidMessageType, "The json.webpubsub.azure.v1 protocol requires text messages.");
                return;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(data);
            }
            catch (JsonException)
            {
                ConnectionCloser.Close(connection, WebSocketCloseStatus.InvalidPayloadData, "The message is not valid JSON.");
                return;
            }

            using (document)
            {
                var message = document.RootElement;
                if (message.ValueKind != JsonValueKind.Object)
                {
                    ConnectionCloser.Close(connection, WebSocketCloseStatus.InvalidPayloadData, "The message must be a JSON object.");
                    return;
                }

                string? messageType = GetString(message, "type");
                ulong? ackId = message.TryGetProperty("ackId", out var ack) && ack.ValueKind == JsonValueKind.Number && ack.TryGetUInt64(out var id) ? id : null;
                switch (messageType)
                {
                    case "ping":
                        connection.Send(OutgoingFrame.Text(JsonMessages.Pong()));
                        return;
                    case "sequenceAck":
                        return;
                    case "joinGroup":
                    case "leaveGroup":
                    case "sendToGroup":
                    case "event":
                        break;
                    default:
                        _logger.LogWarning("Connection {ConnectionId} sent an unsupported message type '{Type}'.", connection.Id, messageType);
                        if (ackId.HasValue)
                        {
                            Ack(connection, ackId.Value, "BadRequest", $"The message type '{messageType}' is not supported.");
                        }
                        return;
                }

                if (ackId.HasValue && !connection.TryUseAckId(ackId.Value))
                {
                    Ack(connection, ackId.Value, "Duplicate", $"The message with ackId {ackId.Value} was already processed.");
                    return;
                }

                var (errorName, errorMessage) = messageType switch
                {
                    "joinGroup" => JoinOrLeave(connection, message, join: true),
                    "leaveGroup" => JoinOrLeave(connection, message, join: false),
                    "sendToGroup" => SendToGroup(connection, message),
                    _ => await SendEventAsync(connection, message, ackId).ConfigureAwait(false),
                };
                if (ackId.HasValue && errorName != "-")
                {
                    Ack(connection, ackId.Value, errorName, errorMessage);
                }
            }
        }

        private static (string?, string?) JoinOrLeave(ClientConnection connection, JsonElement message, bool join)
        {
            var group = GetString(message, "group");
            if (!Names.IsValidGroup(group))
            {
                return ("BadRequest", "'group' is required (1-1024 characters, not only whitespace).");
            }
            if (!Permissions.CanJoinLeave(connection, group!))
            {
                return ("Forbidden", $"The connection has no permission to {(join ? "join" : "leave")} group '{group}'.");
            }
            if (join)
            {
                connection.JoinGroup(group!);
            }
            else
            {
                connection.LeaveGroup(group!);
            }
            return (null, null);
        }

        private (string?, string?) SendToGroup(ClientConnection connection, JsonElement message)
        {
            var group = GetString(message, "group");
            if (!Names.IsValidGroup(group))
            {
                return ("BadRequest", "'group' is required (1-1024 characters, not only whitespace).");
            }
            if (!Permissions.CanSendTo(connection, group!))
            {
                return ("Forbidden", $"The connection has no permission to send to group '{group}'.");
            }
            var (payload, error) = ReadData(message);
            if (payload == null)
            {
                return ("BadRequest", error);
            }
            bool noEcho = message.TryGetProperty("noEcho", out var echo) && echo.ValueKind == JsonValueKind.True;
            var recipients = _registry.InGroup(connection.Hub, group!).Where(c => !(noEcho && c.Id == connection.Id));
            MessageDelivery.ToGroup(recipients, group!, payload, connection);
            return (null, null);
        }

        /// <returns>An ack error, (null, null) for a success ack, or ("-", null) when nothing more is to be sent.</returns>
        private async Task<(string?, string?)> SendEventAsync(ClientConnection connection, JsonElement message, ulong? ackId)
        {
            var eventName = GetString(message, "event");
            if (!Names.IsValidEventName(eventName))
            {
                return ("BadRequest", "'event' must match ^[a-z][a-z0-9_.-]{0,127}$.");
            }
            var (payload, error) = ReadData(message);
            if (payload == null)
            {
                return ("BadRequest", error);
            }

            var result = await _upstream.UserEventAsync(connection, eventName!, payload).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case UpstreamOutcome.Success:
                    var reply = UpstreamReply.ToPayload(result.Body, result.ContentType);
                    if (reply != null)
                    {
                        MessageDelivery.FromServer(connection, reply);
                    }
                    return (null, null);
                case UpstreamOutcome.NoHandler:
                    _logger.LogWarning("No event handler for '{Event}' in hub '{Hub}' (connection {ConnectionId}).", eventName, connection.Hub, connection.Id);
                    return ("InternalServerError", $"No event handler for the event '{eventName}'.");
                default:
                    if (!ackId.HasValue)
                    {
                        ConnectionCloser.Close(connection, WebSocketCloseStatus.InternalServerError, result.Error);
                        return ("-", null);
                    }
                    return ("InternalServerError", result.Error);
            }
        }

        /// <summary><c>data</c> with <c>dataType</c> json (default), text or binary (base64).</summary>
        private static (MessagePayload?, string?) ReadData(JsonElement message)
        {
            var dataType = GetString(message, "dataType") ?? "json";
            message.TryGetProperty("data", out var data);
            switch (dataType.ToLowerInvariant())
            {
                case "json":
                    return data.ValueKind == JsonValueKind.Undefined
                        ? (null, "'data' is required.")
                        : (new MessagePayload(PayloadKind.Json, Encoding.UTF8.GetBytes(data.GetRawText())), null);
                case "text":
                    return data.ValueKind == JsonValueKind.String
                        ? (new MessagePayload(PayloadKind.Text, Encoding.UTF8.GetBytes(data.GetString()!)), null)
                        : (null, "'data' must be a string for dataType text.");
                case "binary":
                    return data.ValueKind == JsonValueKind.String && data.TryGetBytesFromBase64(out var bytes)
                        ? (new MessagePayload(PayloadKind.Binary, bytes), null)
                        : (null, "'data' must be a base64 string for dataType binary.");
                default:
                    return (null, $"The dataType '{dataType}' is not supported (json, text, binary).");
            }
        }

        private static void Ack(ClientConnection connection, ulong ackId, string? errorName, string? errorMessage)
            => connection.Send(OutgoingFrame.Text(errorName == null
                ? JsonMessages.AckSuccess(ackId)
                : JsonMessages.AckFailure(ackId, errorName, errorMessage ?? errorName)));

        private static string? GetString(JsonElement element, string name)
            => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
