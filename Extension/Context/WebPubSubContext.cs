using System.Net.Http;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// A Web PubSub request received by an HTTP-triggered function, validated and parsed: either the typed
    /// <see cref="Request"/>, or an error with a ready <see cref="Response"/> to return.
    /// </summary>
    public class WebPubSubContext
    {
        internal WebPubSubContext(WebPubSubEventRequest request, HttpResponseMessage response)
        {
            Request = request;
            Response = response;
            IsPreflight = request is PreflightRequest;
        }

        internal WebPubSubContext(string errorMessage, HttpResponseMessage response)
        {
            ErrorMessage = errorMessage;
            HasError = true;
            Response = response;
        }

        /// <summary>The parsed request; null when <see cref="HasError"/>.</summary>
        [JsonProperty("request")]
        public WebPubSubEventRequest Request { get; } = null!;

        /// <summary>The response for preflight and error cases (200 for valid events).</summary>
        [JsonProperty("response")]
        public HttpResponseMessage Response { get; }

        [JsonProperty("errorMessage")]
        public string ErrorMessage { get; } = null!;

        [JsonProperty("hasError")]
        public bool HasError { get; }

        /// <summary>True for the abuse-protection (OPTIONS) request.</summary>
        [JsonProperty("isPreflight")]
        public bool IsPreflight { get; }
    }
}
