using System;
using System.Net.WebSockets;

namespace WebPubSubStandIn.Connections
{
    /// <summary>One item of a connection's send queue: a data frame, or the close handshake (always last).</summary>
    public sealed class OutgoingFrame
    {
        private OutgoingFrame(WebSocketMessageType type, ReadOnlyMemory<byte> data, WebSocketCloseStatus closeStatus, string? closeDescription)
        {
            Type = type;
            Data = data;
            CloseStatus = closeStatus;
            CloseDescription = closeDescription;
        }

        public WebSocketMessageType Type { get; }

        public ReadOnlyMemory<byte> Data { get; }

        public WebSocketCloseStatus CloseStatus { get; }

        public string? CloseDescription { get; }

        public bool IsClose => Type == WebSocketMessageType.Close;

        public static OutgoingFrame Text(ReadOnlyMemory<byte> utf8) => new OutgoingFrame(WebSocketMessageType.Text, utf8, default, null);

        public static OutgoingFrame Binary(ReadOnlyMemory<byte> data) => new OutgoingFrame(WebSocketMessageType.Binary, data, default, null);

        public static OutgoingFrame Close(WebSocketCloseStatus status, string? description)
            => new OutgoingFrame(WebSocketMessageType.Close, default, status, Truncate(description));

        // A close reason must fit in a control frame (123 bytes of UTF-8).
        private static string? Truncate(string? text)
            => text == null || System.Text.Encoding.UTF8.GetByteCount(text) <= 120 ? text : text.Substring(0, Math.Min(text.Length, 40));
    }
}
