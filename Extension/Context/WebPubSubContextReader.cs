using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Context
{
    /// <summary>
    /// The context binding's use of the request pipeline: the same steps as the webhook (handshake, CloudEvents
    /// headers, signature, body), but the outcome is handed to the function instead of answered directly.
    /// </summary>
    internal static class WebPubSubContextReader
    {
        public static async Task<WebPubSubContext> ReadAsync(IncomingRequest request, RequestValidator validator, CancellationToken cancellationToken)
        {
            try
            {
                if (AbuseProtection.IsHandshake(request, acceptGet: false))
                {
                    var allowedOrigin = AbuseProtection.FindAllowedOrigin(request, new[] { validator });
                    return new WebPubSubContext(new PreflightRequest(allowedOrigin != null), AbuseProtection.Respond(allowedOrigin));
                }
                var headers = CloudEventsParser.Parse(request);
                SignatureValidation.Validate(validator, headers);
                var eventRequest = await EventRequestReader.ReadAsync(request, headers, cancellationToken).ConfigureAwait(false)
                    ?? throw WebPubSubRequestException.BadRequest($"Unsupported system event '{WebPubSubRequestException.Excerpt(headers.EventName)}'.");
                return new WebPubSubContext(eventRequest, new HttpResponseMessage(HttpStatusCode.OK));
            }
            catch (WebPubSubRequestException e)
            {
                return new WebPubSubContext(e.Message, ResponseFactory.Text(e.StatusCode, e.Message));
            }
        }
    }
}
