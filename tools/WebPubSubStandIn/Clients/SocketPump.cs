using System;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Clients
{
    /// <summary>
    /// Moves frames between a WebSocket and a connection: one loop drains the send queue, the other reads whole
    /// messages (up to 1 MB) and hands them to the protocol one at a time. Ends when either side closes.
    /// </summary>
    public sealed class SocketPump
    {
        public const int MaxMessageBytes = 1024 * 1024;
        private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);
        private readonly ILogger _logger;

        public SocketPump(ILogger logger) => _logger = logger;

        public async Task RunAsync(WebSocket socket, ClientConnection connection, IClientProtocol protocol, CancellationToken aborted)
        {
            var sender = SendLoopAsync(socket, connection);
            try
            {
                await ReceiveLoopAsync(socket, connection, protocol, aborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException || ex is OperationCanceledException || ex is IOException)
            {
                _logger.LogDebug("Connection {ConnectionId} ended: {Error}", connection.Id, ex.Message);
            }

            // The client closed (answer its close frame) or went away; wait briefly for the queue to drain.
            connection.Close(WebSocketCloseStatus.NormalClosure, null);
            await Task.WhenAny(sender, Task.Delay(CloseHandshakeTimeout)).ConfigureAwait(false);
            connection.MarkGone();
            AbortIfOpen(socket);
            await sender.ConfigureAwait(false);
        }

        private async Task ReceiveLoopAsync(WebSocket socket, ClientConnection connection, IClientProtocol protocol, CancellationToken aborted)
        {
            var buffer = new byte[16 * 1024];
            using var message = new MemoryStream();
            while (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseSent)
            {
                message.SetLength(0);
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, aborted).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                    if (message.Length > MaxMessageBytes)
                    {
                        ConnectionCloser.Close(connection, WebSocketCloseStatus.MessageTooBig, "A message may have at most 1 MB.");
                        await DrainUntilCloseAsync(socket, buffer, aborted).ConfigureAwait(false);
                        return;
                    }
                }
                while (!result.EndOfMessage);

                if (connection.IsClosing)
                {
                    continue; // the service is closing: wait for the client's close frame
                }
                await protocol.HandleAsync(connection, result.MessageType, message.ToArray()).ConfigureAwait(false);
            }
        }

        private static async Task DrainUntilCloseAsync(WebSocket socket, byte[] buffer, CancellationToken aborted)
        {
            while (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, aborted).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }

        private async Task SendLoopAsync(WebSocket socket, ClientConnection connection)
        {
            try
            {
                await foreach (var frame in connection.Outgoing.ReadAllAsync().ConfigureAwait(false))
                {
                    if (frame.IsClose)
                    {
                        if (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseReceived)
                        {
                            using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
                            await socket.CloseOutputAsync(frame.CloseStatus, frame.CloseDescription, timeout.Token).ConfigureAwait(false);
                        }
                        // Give the client a moment to answer, then stop reading.
                        _ = Task.Delay(CloseHandshakeTimeout).ContinueWith(_ => AbortIfOpen(socket), TaskScheduler.Default);
                        return;
                    }
                    await socket.SendAsync(frame.Data, frame.Type, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is WebSocketException || ex is OperationCanceledException || ex is IOException || ex is ObjectDisposedException)
            {
                _logger.LogDebug("Sending to connection {ConnectionId} stopped: {Error}", connection.Id, ex.Message);
                connection.MarkGone();
            }
        }

        private static void AbortIfOpen(WebSocket socket)
        {
            try
            {
                if (socket.State != WebSocketState.Closed)
                {
                    socket.Abort();
                }
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
