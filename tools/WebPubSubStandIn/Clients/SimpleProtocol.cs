using System;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WebPubSubStandIn.Connections;
using WebPubSubStandIn.Upstream;

namespace WebPubSubStandIn.Clients
{
    /// <summary>
    /// Simple WebSocket clients (no subprotocol, or a custom one the connect handler picked): each frame is a
    /// <c>message</c> user event (text → text/plain, binary → application/octet-stream); a 200 body comes back as a
    /// frame. No handler, a failure or a timeout drops the connection (1011).
    /// </summary>
    public sealed class SimpleProtocol : IClientProtocol
    {
        private readonly UpstreamClient _upstream;
        private readonly ILogger<SimpleProtocol> _logger;

        public SimpleProtocol(UpstreamClient upstream, ILogger<SimpleProtocol> logger)
        {
            _upstream = upstream;
            _logger = logger;
        }

        public async Task HandleAsync(ClientConnection connection, WebSocketMessageType type, ReadOnlyMemory<byte> data)
        {
            var payload = new MessagePayload(type == WebSocketMessageType.Binary ? PayloadKind.Binary : PayloadKind.Text, data);
            var result = await _upstream.UserEventAsync(connection, "message", payload).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case UpstreamOutcome.Success:
                    var reply = UpstreamReply.ToPayload(result.Body, result.ContentType);
                    if (reply != null)
                    {
                        connection.Send(MessageDelivery.RawFrame(reply));
                    }
                    break;
                case UpstreamOutcome.NoHandler:
                    _logger.LogWarning("No event handler for 'message' in hub '{Hub}': closing connection {ConnectionId}.", connection.Hub, connection.Id);
                    ConnectionCloser.Close(connection, WebSocketCloseStatus.InternalServerError, "No event handler for the message event.");
                    break;
                default:
                    ConnectionCloser.Close(connection, WebSocketCloseStatus.InternalServerError, result.Error);
                    break;
            }
        }
    }
}
