using System;
using System.Text;

namespace WebPubSubStandIn.Connections
{
    public enum PayloadKind
    {
        Text,
        Json,
        Binary,
    }

    /// <summary>A message body and what it is (text, a JSON value, bytes): REST sends, group messages, upstream replies.</summary>
    public sealed class MessagePayload
    {
        public MessagePayload(PayloadKind kind, ReadOnlyMemory<byte> data)
        {
            Kind = kind;
            Data = data;
        }

        public PayloadKind Kind { get; }

        public ReadOnlyMemory<byte> Data { get; }

        /// <summary>The JSON-subprotocol <c>dataType</c>.</summary>
        public string DataType => Kind switch
        {
            PayloadKind.Text => "text",
            PayloadKind.Json => "json",
            _ => "binary",
        };

        public string MediaType => Kind switch
        {
            PayloadKind.Text => "text/plain",
            PayloadKind.Json => "application/json",
            _ => "application/octet-stream",
        };

        public string Text => Encoding.UTF8.GetString(Data.Span);

        /// <summary>The payload kind of a <c>Content-Type</c> (parameters ignored); null when unsupported.</summary>
        public static PayloadKind? KindOfMediaType(string? contentType)
        {
            if (string.IsNullOrWhiteSpace(contentType))
            {
                return null;
            }
            var mediaType = contentType.Split(';')[0].Trim();
            if (mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                return PayloadKind.Text;
            }
            if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return PayloadKind.Json;
            }
            if (mediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                return PayloadKind.Binary;
            }
            return null;
        }
    }
}
