using System.Collections.Generic;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Clients
{
    /// <summary>
    /// Puts a message on connections' queues in each connection's format: a JSON envelope (serialised once, or per
    /// connection for reliable clients, whose messages carry their own <c>sequenceId</c>) or a raw frame.
    /// </summary>
    public static class MessageDelivery
    {
        public static void FromServer(ClientConnection connection, MessagePayload payload) => FromServer(new[] { connection }, payload);

        public static void FromServer(IEnumerable<ClientConnection> connections, MessagePayload payload)
        {
            OutgoingFrame? json = null;
            OutgoingFrame? raw = null;
            foreach (var connection in connections)
            {
                connection.Send(connection.IsReliable ? OutgoingFrame.Text(JsonMessages.ServerMessage(payload, connection.NextSequenceId()))
                    : connection.IsJson ? json ??= OutgoingFrame.Text(JsonMessages.ServerMessage(payload))
                    : raw ??= RawFrame(payload));
            }
        }

        public static void ToGroup(IEnumerable<ClientConnection> connections, string group, MessagePayload payload, ClientConnection? sender)
        {
            OutgoingFrame? json = null;
            OutgoingFrame? raw = null;
            foreach (var connection in connections)
            {
                connection.Send(connection.IsReliable ? OutgoingFrame.Text(JsonMessages.GroupMessage(group, sender?.UserId, sender != null, payload, connection.NextSequenceId()))
                    : connection.IsJson ? json ??= OutgoingFrame.Text(JsonMessages.GroupMessage(group, sender?.UserId, sender != null, payload))
                    : raw ??= RawFrame(payload));
            }
        }

        /// <summary>Simple clients: binary payloads as binary frames, text and JSON as text frames.</summary>
        public static OutgoingFrame RawFrame(MessagePayload payload)
            => payload.Kind == PayloadKind.Binary ? OutgoingFrame.Binary(payload.Data) : OutgoingFrame.Text(payload.Data);
    }
}
