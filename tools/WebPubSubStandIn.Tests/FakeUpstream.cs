using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WebPubSubStandIn.Tests
{
    /// <summary>A recorded upstream request.</summary>
    internal sealed class UpstreamRequest
    {
        public string Method { get; init; } = string.Empty;

        public Uri Url { get; init; } = null!;

        public Dictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public byte[] Body { get; init; } = Array.Empty<byte>();

        public string BodyText => Encoding.UTF8.GetString(Body);

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public string? EventName => Header("ce-eventName");
    }

    /// <summary>What the fake upstream answers.</summary>
    internal sealed class UpstreamAnswer
    {
        public int Status { get; init; } = 204;

        public string? ContentType { get; init; }

        public string? Body { get; init; }

        public Dictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    }

    /// <summary>
    /// An event handler on 127.0.0.1 (HttpListener) that answers the abuse-protection OPTIONS, records every
    /// request and answers events with <see cref="Responder"/> (default 204).
    /// </summary>
    internal sealed class FakeUpstream : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly ConcurrentQueue<UpstreamRequest> _requests = new ConcurrentQueue<UpstreamRequest>();
        private readonly SemaphoreSlim _arrived = new SemaphoreSlim(0);

        public FakeUpstream()
        {
            Port = StandInHost.FreePort();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public int Port { get; }

        public string Url => $"http://127.0.0.1:{Port}/upstream/{{hub}}/{{event}}";

        public Func<UpstreamRequest, UpstreamAnswer> Responder { get; set; } = _ => new UpstreamAnswer();

        /// <summary>The WebHook-Allowed-Origin answered to OPTIONS (null = no header).</summary>
        public string? AllowedOrigin { get; set; } = "*";

        public IReadOnlyList<UpstreamRequest> Requests => _requests.ToArray();

        public IEnumerable<UpstreamRequest> ForConnection(string connectionId)
            => Requests.Where(r => r.Header("ce-connectionId") == connectionId);

        /// <summary>Waits until a request matching <paramref name="match"/> was recorded.</summary>
        public async Task<UpstreamRequest> WaitForAsync(Func<UpstreamRequest, bool> match, TimeSpan? timeout = null)
        {
            var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
            while (true)
            {
                var found = Requests.FirstOrDefault(match);
                if (found != null)
                {
                    return found;
                }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException("The expected upstream request did not arrive. Got: " +
                        string.Join(", ", Requests.Select(r => r.Method + " " + r.EventName)));
                }
                await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
            }
        }

        public Task<UpstreamRequest> WaitForEventAsync(string connectionId, string eventName)
            => WaitForAsync(r => r.Header("ce-connectionId") == connectionId && r.EventName == eventName);

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception)
                {
                    return;
                }
                _ = Task.Run(() => Handle(context));
            }
        }

        private void Handle(HttpListenerContext context)
        {
            using var body = new MemoryStream();
            context.Request.InputStream.CopyTo(body);
            var request = new UpstreamRequest
            {
                Method = context.Request.HttpMethod,
                Url = context.Request.Url!,
                Headers = context.Request.Headers.AllKeys.Where(k => k != null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                Body = body.ToArray(),
            };

            var response = context.Response;
            try
            {
                if (request.Method == "OPTIONS")
                {
                    if (AllowedOrigin != null)
                    {
                        response.AddHeader("WebHook-Allowed-Origin", AllowedOrigin);
                    }
                    response.StatusCode = 200;
                    return;
                }
                var answer = Responder(request);
                response.StatusCode = answer.Status;
                foreach (var header in answer.Headers)
                {
                    response.AddHeader(header.Key, header.Value);
                }
                if (answer.Body != null)
                {
                    response.ContentType = answer.ContentType ?? "text/plain; charset=utf-8";
                    var bytes = Encoding.UTF8.GetBytes(answer.Body);
                    response.OutputStream.Write(bytes);
                }
            }
            finally
            {
                _requests.Enqueue(request);
                _arrived.Release();
                response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }
    }
}
