using System;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading.Tasks;
using NUnit.Framework;

namespace WebPubSubStandIn.Tests
{
    [TestFixture]
    public class ShutdownTests
    {
        [Test]
        public async Task StoppingClosesClientSocketsPromptly()
        {
            var host = await StandInHost.StartAsync();
            using var client = await host.ConnectJsonAsync("chat", "u1");
            var receive = Task.Run(async () =>
            {
                var disconnected = await client.ReceiveJsonAsync();
                var (type, _) = await client.ReceiveAsync();
                await client.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default); // as browsers do
                return (disconnected, type);
            });

            var watch = Stopwatch.StartNew();
            await host.DisposeAsync();
            var (message, frame) = await receive;
            Assert.That(message.GetProperty("event").GetString(), Is.EqualTo("disconnected"));
            Assert.That(frame, Is.EqualTo(WebSocketMessageType.Close));
            Assert.That(client.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.EndpointUnavailable));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1.5)));
        }
    }
}
