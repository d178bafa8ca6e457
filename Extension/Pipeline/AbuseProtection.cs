using System.Collections.Generic;
using System.Net;
using System.Net.Http;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// Step: the CloudEvents abuse-protection handshake. The service sends <c>OPTIONS</c> with
    /// <c>WebHook-Request-Origin</c> before it delivers events; we answer 200 with <c>WebHook-Allowed-Origin</c>
    /// echoing the accepted host when it belongs to a configured connection, 400 otherwise.
    /// </summary>
    internal static class AbuseProtection
    {
        /// <summary>OPTIONS; for the webhook also GET, which older services and the emulator send.</summary>
        public static bool IsHandshake(IncomingRequest request, bool acceptGet) =>
            request.Method == HttpMethod.Options.Method || (acceptGet && request.Method == HttpMethod.Get.Method);

        /// <summary>The origin some validator accepts, or null. Throws 400 when the header is missing.</summary>
        public static string? FindAllowedOrigin(IncomingRequest request, IEnumerable<RequestValidator> validators)
        {
            var origins = OriginParser.Parse(request.GetHeader(WebPubSubHeaders.RequestOrigin));
            if (origins.Count == 0)
            {
                throw WebPubSubRequestException.BadRequest($"Missing required header '{WebPubSubHeaders.RequestOrigin}'.");
            }
            foreach (var validator in validators)
            {
                var allowed = validator.FindAllowedOrigin(origins);
                if (allowed != null)
                {
                    return allowed;
                }
            }
            return null;
        }

        public static HttpResponseMessage Respond(string? allowedOrigin)
        {
            if (allowedOrigin == null)
            {
                return ResponseFactory.Text(HttpStatusCode.BadRequest, "The request origin is not a configured Web PubSub endpoint.");
            }
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            response.Headers.TryAddWithoutValidation(WebPubSubHeaders.AllowedOrigin, allowedOrigin);
            return response;
        }
    }
}
