using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Primitives;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>The webhook's request (what the Functions host hands to the extension's converter).</summary>
    /// <remarks>
    /// Headers are read without validation: the host adds them that way, and validated reads would parse and
    /// re-store every header the pipeline looks at, on every event.
    /// </remarks>
    internal sealed class HttpRequestMessageAdapter : IncomingRequest
    {
        private readonly HttpRequestMessage _request;

        public HttpRequestMessageAdapter(HttpRequestMessage request) => _request = request;

        public override string Method => _request.Method.Method;

        public override string? MediaType =>
#if NET6_0_OR_GREATER
            // The host adds Content-Type as text: a plain "type/subtype" is the media type itself, with no parse.
            RawContentHeader("Content-Type") is { } raw && MediaTypeText.IsPlain(raw) ? raw :
#endif
            _request.Content?.Headers.ContentType?.MediaType;

        private long? ContentLength =>
#if NET6_0_OR_GREATER
            RawContentHeader("Content-Length") is { } raw
                && long.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long length)
                ? length :
#endif
            _request.Content?.Headers.ContentLength;

#if NET6_0_OR_GREATER
        /// <summary>A content header's only value as sent, without the validated read that parses and re-stores it.</summary>
        private string? RawContentHeader(string name) =>
            _request.Content != null && _request.Content.Headers.NonValidated.TryGetValues(name, out var values) && values.Count == 1
                ? values.ToString()
                : null;
#endif

        public override StringValues GetHeader(string name)
        {
#if NET6_0_OR_GREATER
            if (_request.Headers.NonValidated.TryGetValues(name, out var values)
                || (_request.Content != null && _request.Content.Headers.NonValidated.TryGetValues(name, out values)))
            {
                return values.Count == 1 ? new StringValues(values.ToString()) : new StringValues(values.ToArray());
            }
#else
            if (_request.Headers.TryGetValues(name, out var values)
                || (_request.Content != null && _request.Content.Headers.TryGetValues(name, out values)))
            {
                return new StringValues(values as string[] ?? values.ToArray());
            }
#endif
            return StringValues.Empty;
        }

        /// <summary>
        /// Request headers only, as upstream: the connection context's headers are what every worker sees, and
        /// upstream never put the body's Content-Type/Content-Length there for triggers.
        /// </summary>
        protected internal override Dictionary<string, string[]> ReadAllHeaders()
        {
            var all = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
#if NET6_0_OR_GREATER
            foreach (var header in _request.Headers.NonValidated)
            {
                all[header.Key] = header.Value.ToArray();
            }
#else
            foreach (var header in _request.Headers)
            {
                all[header.Key] = header.Value.ToArray();
            }
#endif
            return all;
        }

        public override async ValueTask<BinaryData> ReadBodyAsync(CancellationToken cancellationToken)
        {
            var content = _request.Content;
            if (content == null)
            {
                return BinaryData.Empty;
            }
#if NET5_0_OR_GREATER
            var body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            var body = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            return await BodyReader.ReadAsync(body, ContentLength, cancellationToken).ConfigureAwait(false);
        }
    }
}
