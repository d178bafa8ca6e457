using System;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace WebPubSubStandIn.Tests
{
    /// <summary>A ClientWebSocket with receive helpers that time out (tests never hang).</summary>
    internal sealed class TestClient : IDisposable
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        public TestClient(WebSocket socket) => Socket = socket;

        public WebSocket Socket { get; }

        public string ConnectionId { get; set; } = string.Empty;

        public Task SendTextAsync(string text)
            => Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

        public Task SendJsonAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

        public Task SendBinaryAsync(byte[] data) => Socket.SendAsync(data, WebSocketMessageType.Binary, true, CancellationToken.None);

        /// <summary>The next frame; for a close frame, type Close and the description as text.</summary>
        public async Task<(WebSocketMessageType Type, byte[] Data)> ReceiveAsync(TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? Timeout);
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await Socket.ReceiveAsync(buffer, cts.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (WebSocketMessageType.Close, Encoding.UTF8.GetBytes(result.CloseStatusDescription ?? string.Empty));
                }
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            return (result.MessageType, message.ToArray());
        }

        public async Task<JsonElement> ReceiveJsonAsync(TimeSpan? timeout = null)
        {
            var (type, data) = await ReceiveAsync(timeout);
            if (type != WebSocketMessageType.Text)
            {
                throw new InvalidOperationException($"Expected a text frame, got {type} '{Encoding.UTF8.GetString(data)}'.");
            }
            return JsonDocument.Parse(data).RootElement.Clone();
        }

        public void Dispose() => Socket.Dispose();
    }
}
