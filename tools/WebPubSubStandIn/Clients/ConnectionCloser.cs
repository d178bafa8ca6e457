using System.Net.WebSockets;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Clients
{
    /// <summary>Service-initiated close: JSON clients first get the <c>disconnected</c> system message with the reason.</summary>
    public static class ConnectionCloser
    {
        public static bool Close(ClientConnection connection, WebSocketCloseStatus status, string? reason)
            => connection.Close(status, reason, connection.IsJson ? OutgoingFrame.Text(JsonMessages.Disconnected(reason)) : null);
    }
}
