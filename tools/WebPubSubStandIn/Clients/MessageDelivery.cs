using System.Collections.Generic;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Clients
{
    /// <summary>Puts a message on a connection's queue in that connection's format (JSON envelope or a raw frame).</summary>
    public static class MessageDelivery
    {
        public static void FromServer(ClientConnection connection, MessagePayload payload) => FromServer(new[] { connection }, payload);

        public static void FromServer(IEnumerable<ClientConnection> connections, MessagePayload payload)
        {
            OutgoingFrame? json = null;
            OutgoingFrame? raw = null;
            foreach (var connection in connections)
            {
                connection.Send(connection.IsJson
                    ? json ??= OutgoingFrame.Text(JsonMessages.ServerMessage(payload))
                    : raw ??= RawFrame(payload));
            }
        }

        public static void ToGroup(IEnumerable<ClientConnection> connections, string group, MessagePayload payload, ClientConnection? sender)
        {
            OutgoingFrame? json = null;
            OutgoingFrame? raw = null;
            foreach (var connection in connections)
            {
                connection.Send(connection.IsJson
                    ? json ??= OutgoingFrame.Text(JsonMessages.GroupMessage(group, sender?.UserId, sender != null, payload))
                    : raw ??= RawFrame(payload));
            }
        }

        /// <summary>Simple clients: binary payloads as binary frames, text and JSON as text frames.</summary>
        public static OutgoingFrame RawFrame(MessagePayload payload)
            => payload.Kind == PayloadKind.Binary ? OutgoingFrame.Binary(payload.Data) : OutgoingFrame.Text(payload.Data);
    }
}
