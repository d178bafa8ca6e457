using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace FunctionsHost
{
    /// <summary>ASP.NET Core request → <see cref="HttpRequestMessage"/>, and <see cref="HttpResponseMessage"/> → ASP.NET Core response.</summary>
    public static class HttpMessages
    {
        /// <summary>
        /// Method, absolute URI with its query, body (buffered) and headers; a header that is not a request header
        /// (Content-Type, Content-Length, ...) goes to the content.
        /// </summary>
        public static async Task<HttpRequestMessage> ToRequestMessageAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.GetEncodedUrl()));

            var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            body.Position = 0;
            var content = new StreamContent(body);
            var hasContentHeader = false;

            foreach (var header in request.Headers)
            {
                var values = (string?[])header.Value!;
                if (message.Headers.TryAddWithoutValidation(header.Key, values))
                {
                    continue;
                }
                if (content.Headers.TryAddWithoutValidation(header.Key, values))
                {
                    hasContentHeader = true;
                }
            }

            if (body.Length > 0 || hasContentHeader)
            {
                message.Content = content;
            }
            else
            {
                content.Dispose();
            }
            return message;
        }

        /// <summary>Status, headers and content headers (without Transfer-Encoding, which Kestrel decides) and the body.</summary>
        public static async Task WriteResponseAsync(HttpResponseMessage message, HttpResponse response, CancellationToken cancellationToken)
        {
            response.StatusCode = (int)message.StatusCode;
            foreach (var header in message.Headers)
            {
                if (string.Equals(header.Key, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                response.Headers.Append(header.Key, header.Value.ToArray());
            }
            if (message.Content == null)
            {
                return;
            }
            foreach (var header in message.Content.Headers)
            {
                response.Headers.Append(header.Key, header.Value.ToArray());
            }
            if (HttpMethods.IsHead(response.HttpContext.Request.Method) || message.StatusCode is System.Net.HttpStatusCode.NoContent or System.Net.HttpStatusCode.NotModified)
            {
                return;
            }
            await message.Content.CopyToAsync(response.Body, cancellationToken).ConfigureAwait(false);
        }
    }
}
