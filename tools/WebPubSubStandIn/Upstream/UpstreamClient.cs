using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WebPubSubStandIn.Configuration;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Upstream
{
    /// <summary>
    /// Calls the hub's event handler with CloudEvents (binary mode): the abuse-protection handshake first, then
    /// signed POSTs. Blocking events (connect, user events) take their <c>ce-connectionState</c> answer into the connection.
    /// </summary>
    public sealed class UpstreamClient
    {
        private const string ConnectionStateHeader = "ce-connectionState";
        private readonly StandInOptions _options;
        private readonly HttpClient _http;
        private readonly AbuseProtection _abuseProtection;
        private readonly ILogger<UpstreamClient> _logger;

        public UpstreamClient(StandInOptions options, HttpClient http, ILogger<UpstreamClient> logger)
        {
            _options = options;
            _http = http;
            _logger = logger;
            _abuseProtection = new AbuseProtection(http, options.Connection.OriginHost, options.UpstreamTimeout, logger);
        }

        public bool HasSystemHandler(string hub, string eventName) => _options.HandlerFor(hub)?.HandlesSystemEvent(eventName) == true;

        public Task<UpstreamResult> ConnectAsync(ClientConnection connection, byte[] body)
            => SendAsync(connection, "azure.webpubsub.sys.connect", "connect", isSystem: true, Json(body), blocking: true);

        public Task<UpstreamResult> ConnectedAsync(ClientConnection connection)
            => SendAsync(connection, "azure.webpubsub.sys.connected", "connected", isSystem: true, Json("{}"u8.ToArray()), blocking: false);

        public Task<UpstreamResult> DisconnectedAsync(ClientConnection connection, string? reason)
            => SendAsync(connection, "azure.webpubsub.sys.disconnected", "disconnected", isSystem: true,
                Json(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { reason })), blocking: false);

        public Task<UpstreamResult> UserEventAsync(ClientConnection connection, string eventName, MessagePayload payload)
        {
            var content = new ByteArrayContent(payload.Data.ToArray());
            content.Headers.ContentType = payload.Kind == PayloadKind.Binary
                ? new MediaTypeHeaderValue(payload.MediaType)
                : new MediaTypeHeaderValue(payload.MediaType) { CharSet = "utf-8" };
            return SendAsync(connection, "azure.webpubsub.user." + eventName, eventName, isSystem: false, content, blocking: true);
        }

        private async Task<UpstreamResult> SendAsync(ClientConnection connection, string type, string eventName, bool isSystem, HttpContent content, bool blocking)
        {
            using (content)
            {
                var handler = _options.HandlerFor(connection.Hub);
                if (handler == null || (isSystem ? !handler.HandlesSystemEvent(eventName) : !handler.HandlesUserEvent(eventName)))
                {
                    return UpstreamResult.NoHandler();
                }

                var validationError = await _abuseProtection.EnsureValidatedAsync(handler.ResolveUrl(connection.Hub, "validate")).ConfigureAwait(false);
                if (validationError != null)
                {
                    return UpstreamResult.Failed(0, validationError);
                }

                var url = handler.ResolveUrl(connection.Hub, eventName);
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
                AddHeaders(request, connection, type, eventName);

                try
                {
                    using var timeout = new CancellationTokenSource(_options.UpstreamTimeout);
                    using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                    var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                    int status = (int)response.StatusCode;
                    if (!response.IsSuccessStatusCode)
                    {
                        _logger.LogWarning("Upstream {Type} for connection {ConnectionId} answered {Status}.", type, connection.Id, status);
                        return UpstreamResult.Failed(status, $"The event handler answered {status}.", body);
                    }
                    if (blocking && response.Headers.TryGetValues(ConnectionStateHeader, out var states))
                    {
                        var state = states.LastOrDefault();
                        connection.State = string.IsNullOrEmpty(state) ? null : state;
                    }
                    _logger.LogDebug("Upstream {Type} for connection {ConnectionId}: {Status}.", type, connection.Id, status);
                    return UpstreamResult.Success(status, body, response.Content.Headers.ContentType?.ToString());
                }
                catch (OperationCanceledException)
                {
                    _logger.LogWarning("Upstream {Type} for connection {ConnectionId} timed out after {Timeout}.", type, connection.Id, _options.UpstreamTimeout);
                    return UpstreamResult.Failed(0, "The event handler timed out.");
                }
                catch (HttpRequestException ex)
                {
                    _logger.LogWarning("Upstream {Type} for connection {ConnectionId} failed: {Error}", type, connection.Id, ex.Message);
                    return UpstreamResult.Failed(0, "The event handler is unreachable: " + ex.Message);
                }
            }
        }

        private void AddHeaders(HttpRequestMessage request, ClientConnection connection, string type, string eventName)
        {
            void Add(string name, string value) => request.Headers.TryAddWithoutValidation(name, value);

            Add("WebHook-Request-Origin", _options.Connection.OriginHost);
            Add("ce-specversion", "1.0");
            Add("ce-awpsversion", "1.0");
            Add("ce-type", type);
            Add("ce-source", "/hubs/" + connection.Hub + "/client/" + connection.Id);
            Add("ce-id", connection.NextEventId().ToString(CultureInfo.InvariantCulture));
            Add("ce-time", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            Add("ce-hub", connection.Hub);
            Add("ce-connectionId", connection.Id);
            Add("ce-eventName", eventName);
            if (!string.IsNullOrEmpty(connection.UserId))
            {
                Add("ce-userId", connection.UserId);
            }
            if (!string.IsNullOrEmpty(connection.Subprotocol))
            {
                Add("ce-subprotocol", connection.Subprotocol);
            }
            if (!string.IsNullOrEmpty(connection.State))
            {
                Add(ConnectionStateHeader, connection.State);
            }
            Add("ce-signature", UpstreamSignature.Compute(_options.Connection.KeyBytes, connection.Id));
        }

        private static HttpContent Json(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }
    }
}
