using System;
using System.Net.WebSockets;
using System.Threading.Tasks;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Clients
{
    /// <summary>Handles one complete inbound message of a connection (messages are handled one at a time).</summary>
    public interface IClientProtocol
    {
        Task HandleAsync(ClientConnection connection, WebSocketMessageType type, ReadOnlyMemory<byte> data);
    }
}
