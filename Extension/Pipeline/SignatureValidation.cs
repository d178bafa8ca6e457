using System.Net;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>Step: the request must be signed by a configured resource (401 otherwise).</summary>
    internal static class SignatureValidation
    {
        public static void Validate(RequestValidator validator, CloudEventsHeaders headers)
        {
            if (!validator.IsSignatureValid(headers.Origins, headers.Signature, headers.ConnectionId))
            {
                throw new WebPubSubRequestException(
                    HttpStatusCode.Unauthorized,
                    headers.Signature == null
                        ? $"Missing header '{WebPubSubHeaders.Signature}'."
                        : "Signature validation failed: the request origin is not a configured endpoint or no signature matches its access key.");
            }
        }
    }
}
