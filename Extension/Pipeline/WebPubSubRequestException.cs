using System;
using System.Net;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// A request the pipeline refuses, with the status code and message the service (or the HTTP function)
    /// gets back. Thrown by the pipeline steps and turned into a response at the pipeline's edge.
    /// </summary>
    internal sealed class WebPubSubRequestException : Exception
    {
        public WebPubSubRequestException(HttpStatusCode statusCode, string message)
            : base(message)
        {
            StatusCode = statusCode;
        }

        public HttpStatusCode StatusCode { get; }

        public static WebPubSubRequestException BadRequest(string message) => new(HttpStatusCode.BadRequest, message);

        /// <summary>
        /// A request value quoted in a message: cut short, because messages go to logs and back to the sender,
        /// and a hostile 1 MB header should not be copied into either.
        /// </summary>
        public static string Excerpt(string value, int maxLength = 100) =>
            value.Length <= maxLength ? value : value.Substring(0, maxLength) + $"... ({value.Length} characters)";
    }
}
