using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    /// <summary>A real HTTP endpoint on 127.0.0.1 (HttpListener) that records raw requests; for end-to-end checks.</summary>
    internal sealed class LocalHttpServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public LocalHttpServer()
        {
            int port = FreePort();
            BaseUri = new Uri($"http://127.0.0.1:{port}");
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public Uri BaseUri { get; }

        public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

        /// <summary>Writes the response for a recorded request; default 200 with no body.</summary>
        public Func<RecordedRequest, HttpListenerResponse, Task> Handler { get; set; } = (_, r) => { r.StatusCode = 200; return Task.CompletedTask; };

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }
        }

        private async Task LoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var recorded = new RecordedRequest
            {
                Method = context.Request.HttpMethod,
                // RawUrl is the request target exactly as received on the wire.
                Url = BaseUri.GetLeftPart(UriPartial.Authority) + context.Request.RawUrl,
                Headers = context.Request.Headers.AllKeys.Where(k => k != null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                Body = body.ToArray(),
            };
            Requests.Enqueue(recorded);
            try
            {
                await Handler(recorded, context.Response);
                context.Response.Close();
            }
            catch (Exception)
            {
                try
                {
                    context.Response.Abort();
                }
                catch (Exception)
                {
                }
            }
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
