using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>The request of an HTTP-triggered function (the context binding's <c>$request</c>).</summary>
    internal sealed class AspNetCoreRequestAdapter : IncomingRequest
    {
        private readonly HttpRequest _request;

        public AspNetCoreRequestAdapter(HttpRequest request) => _request = request;

        public override string Method => _request.Method;

        public override string? MediaType =>
            MediaTypeHeaderValue.TryParse(_request.ContentType, out var parsed) ? parsed.MediaType.Value : null;

        public override StringValues GetHeader(string name) =>
            !_request.Headers.TryGetValue(name, out var values) ? StringValues.Empty
            : values.Count == 1 && values[0] != null ? values
            : new StringValues(NonNull(values));

        protected internal override Dictionary<string, string[]> ReadAllHeaders() =>
            _request.Headers.ToDictionary(h => h.Key, h => NonNull(h.Value), StringComparer.OrdinalIgnoreCase);

        private static string[] NonNull(StringValues values) =>
            Array.ConvertAll(values.ToArray(), v => v ?? string.Empty);

        public override async ValueTask<BinaryData> ReadBodyAsync(CancellationToken cancellationToken)
        {
            // The HTTP trigger may have read the body already; rewind when the stream allows it.
            if (_request.Body.CanSeek)
            {
                _request.Body.Position = 0;
            }
            return await BodyReader.ReadAsync(_request.Body, _request.ContentLength, cancellationToken).ConfigureAwait(false);
        }
    }
}
