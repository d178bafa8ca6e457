using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks
{
    /// <summary>Answers every request with one shared 202 and no body, so only client + pipeline cost is measured.</summary>
    internal sealed class NoopTransport : HttpPipelineTransport
    {
        private readonly NoopResponse _response = new();

        public override Request CreateRequest() => new NoopRequest();

        public override void Process(HttpMessage message) => message.Response = _response;

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            message.Response = _response;
            return default;
        }

        private sealed class NoopRequest : Request
        {
            private readonly List<HttpHeader> _headers = new(4);

            public override string ClientRequestId { get; set; } = "";

            public override void Dispose()
            {
            }

            protected override void AddHeader(string name, string value) => _headers.Add(new HttpHeader(name, value));

            protected override bool ContainsHeader(string name) => _headers.Exists(h => h.Name == name);

            protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers;

            protected override bool RemoveHeader(string name) => _headers.RemoveAll(h => h.Name == name) > 0;

            protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
            {
                value = _headers.Find(h => h.Name == name).Value;
                return value != null;
            }

            protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
            {
                values = _headers.Where(h => h.Name == name).Select(h => h.Value);
                return ContainsHeader(name);
            }
        }

        private sealed class NoopResponse : Response
        {
            public override int Status => 202;

            public override string ReasonPhrase => "Accepted";

            public override Stream? ContentStream { get; set; }

            public override string ClientRequestId { get; set; } = "";

            public override void Dispose()
            {
            }

            protected override bool ContainsHeader(string name) => false;

            protected override IEnumerable<HttpHeader> EnumerateHeaders() => Array.Empty<HttpHeader>();

            protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
            {
                value = null;
                return false;
            }

            protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
            {
                values = null;
                return false;
            }
        }
    }
}
