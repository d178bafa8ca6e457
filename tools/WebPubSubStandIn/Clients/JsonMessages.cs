using System;
using System.Buffers;
using System.Text.Json;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Clients
{
    /// <summary>The service → client messages of <c>json.webpubsub.azure.v1</c> (always text frames).</summary>
    public static class JsonMessages
    {
        public static ReadOnlyMemory<byte> Connected(string connectionId, string? userId, string? reconnectionToken = null) => Write(w =>
        {
            w.WriteString("type", "system");
            w.WriteString("event", "connected");
            w.WriteString("userId", userId);
            w.WriteString("connectionId", connectionId);
            if (reconnectionToken != null)
            {
                w.WriteString("reconnectionToken", reconnectionToken);
            }
        });

        public static ReadOnlyMemory<byte> Disconnected(string? reason) => Write(w =>
        {
            w.WriteString("type", "system");
            w.WriteString("event", "disconnected");
            w.WriteString("message", reason ?? string.Empty);
        });

        public static ReadOnlyMemory<byte> Pong() => Write(w => w.WriteString("type", "pong"));

        public static ReadOnlyMemory<byte> AckSuccess(ulong ackId) => Write(w =>
        {
            w.WriteString("type", "ack");
            w.WriteNumber("ackId", ackId);
            w.WriteBoolean("success", true);
        });

        /// <summary><paramref name="errorName"/>: Forbidden, InternalServerError, Duplicate, BadRequest, NotFound, Timeout.</summary>
        public static ReadOnlyMemory<byte> AckFailure(ulong ackId, string errorName, string message) => Write(w =>
        {
            w.WriteString("type", "ack");
            w.WriteNumber("ackId", ackId);
            w.WriteBoolean("success", false);
            w.WriteStartObject("error");
            w.WriteString("name", errorName);
            w.WriteString("message", message);
            w.WriteEndObject();
        });

        /// <summary>A message from the server (REST send to all/user/connection, upstream reply).</summary>
        public static ReadOnlyMemory<byte> ServerMessage(MessagePayload payload, ulong? sequenceId = null) => Write(w =>
        {
            w.WriteString("type", "message");
            w.WriteString("from", "server");
            WriteData(w, payload);
            WriteSequenceId(w, sequenceId);
        });

        /// <summary>A group message (from a client's sendToGroup, or REST send to group with no sender).</summary>
        public static ReadOnlyMemory<byte> GroupMessage(string group, string? fromUserId, bool fromClient, MessagePayload payload, ulong? sequenceId = null) => Write(w =>
        {
            w.WriteString("type", "message");
            w.WriteString("from", "group");
            w.WriteString("group", group);
            if (fromClient)
            {
                w.WriteString("fromUserId", fromUserId);
            }
            WriteData(w, payload);
            WriteSequenceId(w, sequenceId);
        });

        private static void WriteSequenceId(Utf8JsonWriter w, ulong? sequenceId)
        {
            if (sequenceId.HasValue)
            {
                w.WriteNumber("sequenceId", sequenceId.Value);
            }
        }

        private static void WriteData(Utf8JsonWriter w, MessagePayload payload)
        {
            w.WriteString("dataType", payload.DataType);
            w.WritePropertyName("data");
            switch (payload.Kind)
            {
                case PayloadKind.Json:
                    w.WriteRawValue(payload.Data.Span, skipInputValidation: false);
                    break;
                case PayloadKind.Text:
                    w.WriteStringValue(payload.Text);
                    break;
                default:
                    w.WriteBase64StringValue(payload.Data.Span);
                    break;
            }
        }

        private static ReadOnlyMemory<byte> Write(Action<Utf8JsonWriter> body)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                body(writer);
                writer.WriteEndObject();
            }
            return buffer.WrittenMemory;
        }
    }
}
