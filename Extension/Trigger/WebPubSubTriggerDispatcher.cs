using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Azure.WebJobs.Logging;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger
{
    /// <summary>
    /// The webhook: runs the request pipeline for <c>/runtime/webhooks/webpubsub</c> and invokes the routed
    /// function. abuse protection → CloudEvents headers → route → signature → body → invoke → response.
    /// Every refusal is a 4xx with a message; a failing function is a prompt 500, never a hanging request.
    /// </summary>
    internal sealed class WebPubSubTriggerDispatcher
    {
        private readonly WebPubSubRouteTable _routes;
        private readonly WebPubSubConnectionResolver _connections;
        private readonly ILogger _logger;

        public WebPubSubTriggerDispatcher(WebPubSubRouteTable routes, WebPubSubConnectionResolver connections, ILoggerFactory loggerFactory)
        {
            _routes = routes;
            _connections = connections;
            _logger = loggerFactory.CreateLogger(LogCategories.CreateTriggerCategory("WebPubSub"));
        }

        /// <remarks>
        /// One async method with small synchronous steps: the executor completes asynchronously, so every async
        /// frame between here and it would cost its own state-machine box per event.
        /// </remarks>
        public async Task<HttpResponseMessage> ExecuteAsync(HttpRequestMessage message, CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessageAdapter(message);
            try
            {
                if (AbuseProtection.IsHandshake(request, acceptGet: true))
                {
                    return AnswerHandshake(request);
                }
                var (route, headers) = Accept(request);
                var eventRequest = await EventRequestReader.ReadAsync(request, headers, cancellationToken).ConfigureAwait(false);
                var triggerEvent = CreateTriggerEvent(route, headers, eventRequest, request);
                var result = await route.Executor.TryExecuteAsync(new TriggeredFunctionData { TriggerValue = triggerEvent }, cancellationToken).ConfigureAwait(false);
                return Answer(route, headers, eventRequest, triggerEvent, result);
            }
            catch (WebPubSubRequestException e)
            {
                _logger.LogWarning("Web PubSub request refused with {Status}: {Message}", (int)e.StatusCode, e.Message);
                return ResponseFactory.Text(e.StatusCode, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A defect of ours: log it, and answer without internals.
                _logger.LogError(e, "Web PubSub request failed unexpectedly.");
                return ResponseFactory.Text(HttpStatusCode.InternalServerError, "The Web PubSub extension failed to process the request.");
            }
        }

        private HttpResponseMessage AnswerHandshake(IncomingRequest request)
        {
            var allowedOrigin = AbuseProtection.FindAllowedOrigin(request, HandshakeValidators());
            if (allowedOrigin == null)
            {
                // The most common misconfiguration: the service's host is not the configured endpoint's host.
                _logger.LogWarning("Web PubSub handshake refused: origin '{Origins}' is not the host of a configured connection.",
                    WebPubSubRequestException.Excerpt(request.GetHeader(WebPubSubHeaders.RequestOrigin).ToString(), 300));
            }
            return AbuseProtection.Respond(allowedOrigin);
        }

        /// <summary>CloudEvents headers → route → signature → method: everything decided before the body is read.</summary>
        private (WebPubSubRoute Route, CloudEventsHeaders Headers) Accept(IncomingRequest request)
        {
            var headers = CloudEventsParser.Parse(request);
            var route = _routes.Find(headers) ?? throw new WebPubSubRequestException(HttpStatusCode.NotFound,
                $"No function handles hub '{WebPubSubRequestException.Excerpt(headers.Hub)}', {headers.EventType} event '{WebPubSubRequestException.Excerpt(headers.EventName)}'" + (headers.IsMqtt ? " from MQTT clients." : "."));
            SignatureValidation.Validate(route.Validator, headers);
            if (request.Method != HttpMethod.Post.Method)
            {
                throw WebPubSubRequestException.BadRequest($"Event requests must be POST; got {request.Method}.");
            }
            return (route, headers);
        }

        private static WebPubSubTriggerEvent CreateTriggerEvent(WebPubSubRoute route, CloudEventsHeaders headers, WebPubSubEventRequest? eventRequest, IncomingRequest request)
        {
            var context = eventRequest?.ConnectionContext ?? EventRequestReader.CreateContext(request, headers);
            var triggerEvent = new WebPubSubTriggerEvent(context, eventRequest);
            if (TriggerValueConverter.Mismatch(triggerEvent, route.ParameterType) is { } mismatch)
            {
                throw WebPubSubRequestException.BadRequest($"Function '{route.FunctionName}' cannot take this request: {mismatch}");
            }
            return triggerEvent;
        }

        private HttpResponseMessage Answer(WebPubSubRoute route, CloudEventsHeaders headers, WebPubSubEventRequest? eventRequest, WebPubSubTriggerEvent triggerEvent, FunctionResult result)
        {
            if (!result.Succeeded)
            {
                _logger.LogError(result.Exception, "Function '{Function}' failed for {Kind} event of connection '{ConnectionId}'.",
                    route.FunctionName, headers.Kind, headers.ConnectionId);
                // Non-blocking events are acknowledged anyway: the service does not act on their answer.
                return headers.Kind.IsBlocking()
                    ? EventResponseWriter.WriteFunctionFailure(headers.Kind, eventRequest, FailureMessage(result.Exception))
                    : new HttpResponseMessage(HttpStatusCode.OK);
            }
            return EventResponseWriter.Write(headers.Kind, eventRequest, triggerEvent.ReturnValue);
        }

        /// <summary>Without trigger functions the default connection still answers the handshake.</summary>
        private RequestValidator[] HandshakeValidators()
        {
            var validators = _routes.Routes.Select(r => r.Validator).ToArray();
            return validators.Length > 0 ? validators : new[] { _connections.CreateValidator(null, "WebPubSubTrigger") };
        }

        private static string FailureMessage(Exception? exception)
        {
            // WebJobs wraps the function's exception; the service (and the client) should see the function's message.
            var inner = exception;
            while (inner is FunctionInvocationException && inner.InnerException != null)
            {
                inner = inner.InnerException;
            }
            return inner?.Message ?? "The function failed.";
        }
    }
}
