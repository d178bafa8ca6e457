using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using WebPubSubStandIn.Auth;
using WebPubSubStandIn.Configuration;
using WebPubSubStandIn.Connections;
using WebPubSubStandIn.Upstream;

namespace WebPubSubStandIn.Clients
{
    /// <summary>
    /// <c>/client/hubs/{hub}</c> (and <c>/client/?hub=</c>): token check (401), the blocking <c>connect</c> event
    /// (its 4xx/5xx is the upgrade's status), subprotocol choice, then the connection's life: <c>connected</c>
    /// system message and event, the message loop, and the <c>disconnected</c> event.
    /// </summary>
    public sealed class ClientEndpoint
    {
        private readonly StandInOptions _options;
        private readonly TokenValidator _tokens;
        private readonly UpstreamClient _upstream;
        private readonly ConnectionRegistry _registry;
        private readonly SimpleProtocol _simple;
        private readonly JsonProtocol _json;
        private readonly ILogger<ClientEndpoint> _logger;

        public ClientEndpoint(StandInOptions options, TokenValidator tokens, UpstreamClient upstream, ConnectionRegistry registry,
            SimpleProtocol simple, JsonProtocol json, ILogger<ClientEndpoint> logger)
        {
            _options = options;
            _tokens = tokens;
            _upstream = upstream;
            _registry = registry;
            _simple = simple;
            _json = json;
            _logger = logger;
        }

        public async Task HandleAsync(HttpContext context, string? hub)
        {
            hub ??= context.Request.Query["hub"].FirstOrDefault();
            if (!Names.IsValidHub(hub))
            {
                await RejectAsync(context, StatusCodes.Status400BadRequest, $"Invalid hub name '{hub}'.");
                return;
            }
            if (!context.WebSockets.IsWebSocketRequest)
            {
                await RejectAsync(context, StatusCodes.Status400BadRequest, "This endpoint expects a WebSocket upgrade request.");
                return;
            }

            var (token, tokenError) = await _tokens.ValidateAsync(AccessToken(context.Request), ClientAudiences(context.Request, hub!));
            if (token == null)
            {
                _logger.LogInformation("Client connection to hub '{Hub}' refused: {Error}", hub, tokenError);
                await RejectAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized: " + tokenError);
                return;
            }

            var tokenGroups = ClaimValues(token, "webpubsub.group");
            if (tokenGroups.Any(g => !Names.IsValidGroup(g)))
            {
                await RejectAsync(context, StatusCodes.Status400BadRequest, "The token has an invalid 'webpubsub.group' claim.");
                return;
            }

            if (context.Request.Query.ContainsKey("awps_connection_id"))
            {
                await RefuseRecoveryAsync(context);
                return;
            }

            var connection = new ClientConnection(NewConnectionId(), hub!, ClaimValues(token, "sub").FirstOrDefault(), ClaimValues(token, "role"));
            var groups = new List<string>(tokenGroups);
            var offered = context.WebSockets.WebSocketRequestedProtocols;
            string? pickedByHandler = null;
            bool connectSent = false;

            if (_upstream.HasSystemHandler(hub!, "connect"))
            {
                connectSent = true;
                var body = ConnectEvent.CreateBody(token.Claims, context.Request.Query, context.Request.Headers, offered);
                var result = await _upstream.ConnectAsync(connection, body);
                if (result.Outcome == UpstreamOutcome.Failed)
                {
                    int status = result.StatusCode >= 400 && result.StatusCode < 600 ? result.StatusCode : StatusCodes.Status500InternalServerError;
                    _logger.LogInformation("Connect of {ConnectionId} rejected by the event handler: {Status}.", connection.Id, status);
                    await RejectAsync(context, status, "The connect event handler rejected the connection: " + result.Error);
                    return;
                }
                if (result.Outcome == UpstreamOutcome.Success)
                {
                    ConnectOverrides overrides;
                    try
                    {
                        overrides = ConnectEvent.ParseResponse(result.Body);
                    }
                    catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException)
                    {
                        _logger.LogWarning("Connect response for {ConnectionId} is not valid: {Error}", connection.Id, ex.Message);
                        await RejectAsync(context, StatusCodes.Status500InternalServerError, "The connect event handler returned an invalid body: " + ex.Message);
                        SendDisconnected(connection, Task.CompletedTask, "Invalid connect response.");
                        return;
                    }
                    Apply(connection, groups, overrides);
                    pickedByHandler = overrides.Subprotocol;
                }
            }

            var (subprotocol, protocolError) = ChooseSubprotocol(offered, pickedByHandler);
            if (protocolError != null)
            {
                await RejectAsync(context, StatusCodes.Status400BadRequest, protocolError);
                if (connectSent)
                {
                    SendDisconnected(connection, Task.CompletedTask, protocolError);
                }
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = subprotocol });
            connection.Subprotocol = subprotocol;
            connection.IsReliable = subprotocol == Subprotocols.ReliableJson;
            connection.IsJson = subprotocol == Subprotocols.Json || connection.IsReliable;
            foreach (var group in groups)
            {
                connection.JoinGroup(group);
            }
            _registry.Add(connection);
            _logger.LogInformation("Connection {ConnectionId} opened (hub '{Hub}', user '{UserId}', subprotocol '{Subprotocol}').",
                connection.Id, connection.Hub, connection.UserId, subprotocol);

            if (connection.IsJson)
            {
                connection.Send(OutgoingFrame.Text(JsonMessages.Connected(connection.Id, connection.UserId,
                    connection.IsReliable ? NewConnectionId() : null)));
            }
            var connected = Task.Run(() => _upstream.ConnectedAsync(connection));
            try
            {
                await new SocketPump(_logger).RunAsync(socket, connection, connection.IsJson ? _json : _simple, context.RequestAborted);
            }
            finally
            {
                _registry.Remove(connection);
                _logger.LogInformation("Connection {ConnectionId} closed.", connection.Id);
                SendDisconnected(connection, connected, connection.CloseReason);
            }
        }

        private void SendDisconnected(ClientConnection connection, Task after, string? reason)
            => _ = Task.Run(async () =>
            {
                await after.ConfigureAwait(false);
                await _upstream.DisconnectedAsync(connection, reason).ConfigureAwait(false);
            });

        /// <summary>
        /// A reliable client's recovery attempt: the stand-in keeps no state of dropped connections, so (like the
        /// service for an unrecoverable connection) it accepts and closes with 1008; the client then starts anew.
        /// </summary>
        private async Task RefuseRecoveryAsync(HttpContext context)
        {
            var offered = context.WebSockets.WebSocketRequestedProtocols;
            var subprotocol = offered.Contains(Subprotocols.ReliableJson) ? Subprotocols.ReliableJson : offered.FirstOrDefault();
            using var socket = await context.WebSockets.AcceptWebSocketAsync(subprotocol);
            _logger.LogInformation("Recovery of connection {ConnectionId} refused (not supported by the stand-in).", context.Request.Query["awps_connection_id"].ToString());
            try
            {
                using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "The connection cannot be recovered.", timeout.Token);
                while (socket.State == WebSocketState.CloseSent)
                {
                    await socket.ReceiveAsync(new byte[256], timeout.Token);
                }
            }
            catch (Exception ex) when (ex is WebSocketException || ex is OperationCanceledException)
            {
            }
        }

        /// <summary>
        /// The handler's pick when the client offered it; else <c>json.webpubsub.azure.v1</c>, then
        /// <c>json.reliable.webpubsub.azure.v1</c> when offered; else none when nothing was offered. Anything else is unsupported.
        /// </summary>
        private static (string?, string?) ChooseSubprotocol(IList<string> offered, string? pickedByHandler)
        {
            if (!string.IsNullOrEmpty(pickedByHandler) && offered.Contains(pickedByHandler, StringComparer.Ordinal))
            {
                return (pickedByHandler, null);
            }
            if (offered.Contains(Subprotocols.Json, StringComparer.Ordinal))
            {
                return (Subprotocols.Json, null);
            }
            if (offered.Contains(Subprotocols.ReliableJson, StringComparer.Ordinal))
            {
                return (Subprotocols.ReliableJson, null);
            }
            if (offered.Count == 0)
            {
                return (null, null);
            }
            return (null, $"Unsupported subprotocol(s) '{string.Join(", ", offered)}': the stand-in supports '{Subprotocols.Json}', " +
                $"'{Subprotocols.ReliableJson}', none, or a custom one picked by the connect event handler.");
        }

        private static void Apply(ClientConnection connection, List<string> groups, ConnectOverrides overrides)
        {
            if (overrides.UserId != null)
            {
                connection.UserId = overrides.UserId;
            }
            if (overrides.Roles != null)
            {
                connection.Roles = overrides.Roles;
            }
            if (overrides.Groups != null)
            {
                groups.AddRange(overrides.Groups.Where(Names.IsValidGroup));
            }
        }

        private IReadOnlyCollection<string> ClientAudiences(HttpRequest request, string hub)
        {
            var path = "/client/hubs/" + hub;
            return new[]
            {
                _options.Connection.BaseUrl + path,
                request.Scheme + "://" + request.Host + request.PathBase + path,
            };
        }

        private static string? AccessToken(HttpRequest request)
        {
            var query = request.Query["access_token"].FirstOrDefault();
            if (!string.IsNullOrEmpty(query))
            {
                return query;
            }
            var authorization = request.Headers.Authorization.FirstOrDefault();
            return authorization != null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? authorization.Substring("Bearer ".Length).Trim()
                : null;
        }

        private static IReadOnlyList<string> ClaimValues(JsonWebToken token, string type)
            => token.Claims.Where(c => c.Type == type).Select(c => c.Value).ToArray();

        private static string NewConnectionId()
            => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

        private static Task RejectAsync(HttpContext context, int status, string message)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(message);
        }
    }
}
