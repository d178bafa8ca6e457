using System;
using System.Text.Json;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Clients
{
    /// <summary>A user event's 200 body as a message for the sender, typed by its Content-Type.</summary>
    public static class UpstreamReply
    {
        /// <returns>null for an empty body (nothing to deliver).</returns>
        public static MessagePayload? ToPayload(byte[] body, string? contentType)
        {
            if (body.Length == 0)
            {
                return null;
            }
            var kind = MessagePayload.KindOfMediaType(contentType);
            if (kind == PayloadKind.Json && !IsJson(body))
            {
                kind = PayloadKind.Text;
            }
            if (kind == null)
            {
                kind = contentType != null && contentType.TrimStart().StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                    ? PayloadKind.Text
                    : PayloadKind.Binary;
            }
            return new MessagePayload(kind.Value, body);
        }

        private static bool IsJson(byte[] body)
        {
            try
            {
                using var _ = JsonDocument.Parse(body);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
