using System;
using System.Text;
using System.Text.Json;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>
    /// Names and values nearly every connect event carries (token claims, WebSocket handshake headers, the service's
    /// subprotocols and roles). Reading one of them gives the shared instance instead of a new string, as web servers
    /// do for known header names: a browser's connect repeats some 20 of them, a few over 60 characters long.
    /// </summary>
    internal static class KnownStrings
    {
        private static readonly string[] Strings =
        {
            // claims
            "sub", "role", "aud", "iat", "nbf", "exp", "webpubsub.group",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
            "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup",
            // query
            "access_token",
            // headers
            "Host", "Connection", "Upgrade", "websocket", "Origin", "User-Agent", "Pragma", "no-cache", "Cache-Control",
            "Accept-Encoding", "Accept-Language", "Cookie", "X-Forwarded-For", "X-Forwarded-Proto", "https",
            "Sec-WebSocket-Version", "13", "Sec-WebSocket-Key", "Sec-WebSocket-Extensions", "Sec-WebSocket-Protocol",
            "permessage-deflate; client_max_window_bits",
            // subprotocols
            "json.webpubsub.azure.v1", "json.reliable.webpubsub.azure.v1",
            "protobuf.webpubsub.azure.v1", "protobuf.reliable.webpubsub.azure.v1", "mqtt",
        };

        private static readonly byte[][] Utf8Strings = Array.ConvertAll(Strings, Encoding.UTF8.GetBytes);

        /// <summary>The reader's string (a property name or a string value), shared when it is a known one.</summary>
        public static string Read(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                ReadOnlySpan<byte> value = reader.ValueSpan;
                for (int i = 0; i < Utf8Strings.Length; i++)
                {
                    if (Utf8Strings[i].Length == value.Length && value.SequenceEqual(Utf8Strings[i]))
                    {
                        return Strings[i];
                    }
                }
            }
            return reader.GetString()!;
        }
    }
}
