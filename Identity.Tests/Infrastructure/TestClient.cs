using System;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure
{
    /// <summary>A <c>json.webpubsub.azure.v1</c> WebSocket client (over wss to the stand-in, trusting the machine's store).</summary>
    internal sealed class TestClient : IDisposable
    {
        private readonly ClientWebSocket _socket;

        private TestClient(ClientWebSocket socket, string connectionId)
        {
            _socket = socket;
            ConnectionId = connectionId;
        }

        public string ConnectionId { get; }

        public static async Task<TestClient> ConnectAsync(Uri url)
        {
            var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("json.webpubsub.azure.v1");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(url, timeout.Token);
            var connected = await ReceiveAsync(socket);
            return new TestClient(socket, connected.GetProperty("connectionId").GetString()!);
        }

        public Task<JsonElement> ReceiveAsync() => ReceiveAsync(_socket);

        public Task SendEventAsync(string eventName, string text)
        {
            var json = JsonSerializer.Serialize(new { type = "event", @event = eventName, dataType = "text", data = text });
            return _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }

        public void Dispose() => _socket.Dispose();

        private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var buffer = new byte[64 * 1024];
            int count = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), timeout.Token);
                count += result.Count;
            }
            while (!result.EndOfMessage);
            return JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement.Clone();
        }
    }
}
