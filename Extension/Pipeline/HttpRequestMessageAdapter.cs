using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>The webhook's request (what the Functions host hands to the extension's converter).</summary>
    internal sealed class HttpRequestMessageAdapter : IncomingRequest
    {
        private readonly HttpRequestMessage _request;

        public HttpRequestMessageAdapter(HttpRequestMessage request) => _request = request;

        public override string Method => _request.Method.Method;

        public override string? MediaType => _request.Content?.Headers.ContentType?.MediaType;

        public override IReadOnlyList<string> GetHeader(string name)
        {
            if (_request.Headers.TryGetValues(name, out var values)
                || (_request.Content != null && _request.Content.Headers.TryGetValues(name, out values)))
            {
                return values as IReadOnlyList<string> ?? values.ToArray();
            }
            return Array.Empty<string>();
        }

        public override IReadOnlyDictionary<string, string[]> GetAllHeaders()
        {
            var all = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            // Request headers only, as upstream: the connection context's headers are what every worker sees, and
            // upstream never put the body's Content-Type/Content-Length there for triggers.
            foreach (var header in _request.Headers)
            {
                all[header.Key] = header.Value.ToArray();
            }
            return all;
        }

        public override async Task<BinaryData> ReadBodyAsync(CancellationToken cancellationToken)
        {
            if (_request.Content == null)
            {
                return BinaryData.Empty;
            }
#if NET5_0_OR_GREATER
            var bytes = await _request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            var bytes = await _request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            return BinaryData.FromBytes(bytes);
        }
    }
}
