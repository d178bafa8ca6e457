using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    /// <summary>What a transport saw for one attempt: the exact URL, headers and body.</summary>
    public sealed class RecordedRequest
    {
        public string Method { get; init; } = "";

        public string Url { get; init; } = "";

        public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

        public byte[] Body { get; init; } = Array.Empty<byte>();

        public string? Header(string name) => Headers.TryGetValue(name, out string? v) ? v : null;
    }

    /// <summary>In-memory Azure.Core transport: records each attempt and answers with <see cref="Responder"/>.</summary>
    internal sealed class MockTransport : HttpPipelineTransport
    {
        public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

        public Func<RecordedRequest, MockResponse> Responder { get; set; } = _ => new MockResponse(200);

        public RecordedRequest Single => Requests.Single();

        public override Request CreateRequest() => new MockRequest();

        public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            message.CancellationToken.ThrowIfCancellationRequested();
            Request request = message.Request;
            byte[] body = Array.Empty<byte>();
            if (request.Content != null)
            {
                using var stream = new MemoryStream();
                request.Content.WriteTo(stream, message.CancellationToken);
                body = stream.ToArray();
            }

            var recorded = new RecordedRequest
            {
                Method = request.Method.Method,
                Url = request.Uri.ToUri().AbsoluteUri,
                Headers = request.Headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase),
                Body = body,
            };
            Requests.Enqueue(recorded);
            message.Response = Responder(recorded);
            return default;
        }
    }

    internal sealed class MockRequest : Request
    {
        private readonly List<HttpHeader> _headers = new();

        public override string ClientRequestId { get; set; } = Guid.NewGuid().ToString();

        public override void Dispose()
        {
        }

        protected override void AddHeader(string name, string value) => _headers.Add(new HttpHeader(name, value));

        protected override bool ContainsHeader(string name) => _headers.Any(h => Is(h, name));

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers;

        protected override bool RemoveHeader(string name) => _headers.RemoveAll(h => Is(h, name)) > 0;

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = _headers.Where(h => Is(h, name)).Select(h => h.Value).FirstOrDefault();
            return value != null;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            var found = _headers.Where(h => Is(h, name)).Select(h => h.Value).ToList();
            values = found;
            return found.Count > 0;
        }

        private static bool Is(HttpHeader header, string name) => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
    }

    internal sealed class MockResponse : Response
    {
        private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

        public MockResponse(int status, string? body = null, string? contentType = null)
        {
            Status = status;
            if (body != null)
            {
                ContentStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
                _headers["Content-Type"] = contentType ?? "application/json";
            }
        }

        public override int Status { get; }

        public override string ReasonPhrase => Status switch { 200 => "OK", 400 => "Bad Request", 404 => "Not Found", 429 => "Too Many Requests", _ => "Status" };

        public override Stream? ContentStream { get; set; }

        public override string ClientRequestId { get; set; } = "";

        public MockResponse WithHeader(string name, string value)
        {
            _headers[name] = value;
            return this;
        }

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => _headers.TryGetValue(name, out value);

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            bool found = _headers.TryGetValue(name, out string? value);
            values = found ? new[] { value! } : null;
            return found;
        }
    }
}
