using System.IO;
using System.Linq;
using System.Net.Http;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure
{
    internal static class HttpRequests
    {
        /// <summary>The ASP.NET Core request an HTTP trigger hands to a function, from a request message.</summary>
        public static HttpRequest ToHttpRequest(HttpRequestMessage message)
        {
            var request = new DefaultHttpContext().Request;
            request.Method = message.Method.Method;
            foreach (var header in message.Headers)
            {
                request.Headers[header.Key] = header.Value.ToArray();
            }
            if (message.Content != null)
            {
                foreach (var header in message.Content.Headers)
                {
                    request.Headers[header.Key] = header.Value.ToArray();
                }
                request.Body = new MemoryStream(message.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
            }
            return request;
        }
    }
}
