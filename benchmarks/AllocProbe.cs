using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks.Host;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks
{
    internal static class AllocProbe
    {
        const string Key = "benchmark-access-key-0123456789abcdefghij";
        public static async Task RunAsync()
        {
            var host = await BenchmarkHost.StartAsync(new Dictionary<string, string?> { ["WebPubSubConnectionString"] = $"Endpoint=https://bench.webpubsub.azure.com;AccessKey={Key};Version=1.0;" }, typeof(BenchmarkFunctions));
            var events = new SignedEvents("bench.webpubsub.azure.com", Key);
            var text = new string('x', 1024);
            var body = Encoding.UTF8.GetBytes(text);
            var args = new { payload = text };
            async Task Measure(string name, Func<Task> f)
            {
                for (int i = 0; i < 2000; i++) await f();
                long before = GC.GetTotalAllocatedBytes(true);
                var sw = System.Diagnostics.Stopwatch.StartNew();
                const int n = 5000;
                for (int i = 0; i < n; i++) await f();
                sw.Stop();
                long after = GC.GetTotalAllocatedBytes(true);
                Console.WriteLine($"{name,-28} {(after - before) / n,8} B  {sw.Elapsed.TotalMilliseconds * 1000 / n,8:F1} us");
            }
            await Measure("bare", () => host.CallAsync("BenchmarkFunctions.Bare", args));
            await Measure("request only", () => { events.User(body, "text/plain").Dispose(); return Task.CompletedTask; });
            await Measure("user event", async () => { using var r = events.User(body, "text/plain"); using var resp = await host.SendAsync(r); });
            await Measure("parse headers", () => { using var r = events.User(body, "text/plain"); CloudEventsParser.Parse(new HttpRequestMessageAdapter(r)); return Task.CompletedTask; });
            await Measure("all headers", () => { using var r = events.User(body, "text/plain"); new HttpRequestMessageAdapter(r).GetAllHeaders(); return Task.CompletedTask; });
            var key = new Service.AccessKey(Key);
            string sig = "sha256=" + Convert.ToHexString(key.ComputeHmac(Encoding.UTF8.GetBytes("0f9c97a2f0bf4706afe87a14e0797b11"))).ToLowerInvariant();
            await Measure("signature check", () => { key.SignatureMatches("0f9c97a2f0bf4706afe87a14e0797b11", sig); return Task.CompletedTask; });
            await Measure("read body", async () => { using var r = events.User(body, "text/plain"); await new HttpRequestMessageAdapter(r).ReadBodyAsync(CancellationToken.None); });
            await Measure("parse+read+context", async () => { using var r = events.User(body, "text/plain"); var a = new HttpRequestMessageAdapter(r); var h = CloudEventsParser.Parse(a); await EventRequestReader.ReadAsync(a, h, CancellationToken.None); });
            var connect = Encoding.UTF8.GetBytes(
                "{\"claims\":{\"sub\":[\"user-1\"],\"role\":[\"webpubsub.joinLeaveGroup\"]},\"query\":{\"access_token\":[\"x\"]}," +
                "\"headers\":{\"Host\":[\"bench.webpubsub.azure.com\"]},\"subprotocols\":[\"json.webpubsub.azure.v1\"],\"clientCertificates\":[]}");
            await Measure("connect event", async () => { using var r = events.Connect(connect); using var resp = await host.SendAsync(r); });
            await Measure("connect: parse+read+context", async () => { using var r = events.Connect(connect); var a = new HttpRequestMessageAdapter(r); var h = CloudEventsParser.Parse(a); await EventRequestReader.ReadAsync(a, h, CancellationToken.None); });
            await Measure("connect: STJ deserialize only", () => { System.Text.Json.JsonSerializer.Deserialize(connect, Microsoft.Azure.WebPubSub.Common.Serialization.WebPubSubCommonJsonContext.Default.ConnectEventRequestContent); return Task.CompletedTask; });
            // A browser's connect as a service sends it (captured; see the reference's test vectors).
            var browser = Encoding.UTF8.GetBytes(
                "{\"claims\":{\"aud\":[\"http://127.0.0.1:35715/client/hubs/chat\"],\"iat\":[\"1795829596\"],\"nbf\":[\"1795829596\"],\"exp\":[\"1795833196\"]," +
                "\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier\":[\"user1\"],\"http://schemas.microsoft.com/ws/2008/06/identity/claims/role\":[\"webpubsub.joinLeaveGroup\",\"webpubsub.sendToGroup\"]}," +
                "\"query\":{},\"headers\":{\"Connection\":[\"Upgrade\"],\"Host\":[\"127.0.0.1:35715\"],\"Upgrade\":[\"websocket\"],\"Sec-WebSocket-Version\":[\"13\"]," +
                "\"Sec-WebSocket-Key\":[\"sjcpcQmIFj738B\\u002B3MpmLNw==\"],\"Sec-WebSocket-Extensions\":[\"permessage-deflate; client_max_window_bits\"],\"Sec-WebSocket-Protocol\":[\"json.webpubsub.azure.v1\"]}," +
                "\"subprotocols\":[\"json.webpubsub.azure.v1\"],\"clientCertificates\":[]}");
            await Measure("browser connect: STJ only", () => { System.Text.Json.JsonSerializer.Deserialize(browser, Microsoft.Azure.WebPubSub.Common.Serialization.WebPubSubCommonJsonContext.Default.ConnectEventRequestContent); return Task.CompletedTask; });
            await Measure("connect: JsonDocument only", () => { System.Text.Json.JsonDocument.Parse(connect).Dispose(); return Task.CompletedTask; });
            var big = new byte[64 * 1024];
            await Measure("user binary 64K", async () => { using var r = events.User(big, "application/octet-stream"); using var resp = await host.SendAsync(r); });
            await Measure("read body 64K", async () => { using var r = events.User(big, "application/octet-stream"); await new HttpRequestMessageAdapter(r).ReadBodyAsync(CancellationToken.None); });
            await Measure("negotiate", () => host.CallAsync("BenchmarkFunctions.Negotiate"));
            var user = new { userId = "user-1" };
            await Measure("negotiate {userId}", () => host.CallAsync("BenchmarkFunctions.NegotiateTemplated", user));
            var builder = new Connection.WebPubSubConnectionBuilder(
                Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<WebPubSubConnectionResolver>(host.Services),
                Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Service.IWebPubSubServiceClientFactory>(host.Services));
            var attribute = new WebPubSubConnectionAttribute { Hub = BenchmarkFunctions.Hub, UserId = "user-1" };
            await Measure("negotiate: our converter", () => builder.ConvertAsync(attribute, CancellationToken.None));
            await host.DisposeAsync();
        }
    }
}
