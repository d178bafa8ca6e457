using System.Net;
using System.Net.Http;
using System.Text;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>Small builders for the plain responses the pipeline writes.</summary>
    internal static class ResponseFactory
    {
        public static HttpResponseMessage Text(HttpStatusCode status, string? message)
        {
            var response = new HttpResponseMessage(status);
            if (!string.IsNullOrEmpty(message))
            {
                response.Content = new StringContent(message, Encoding.UTF8, "text/plain");
            }
            return response;
        }

        public static HttpResponseMessage Json(HttpStatusCode status, byte[] utf8Json)
        {
            var content = new ByteArrayContent(utf8Json);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return new HttpResponseMessage(status) { Content = content };
        }
    }
}
