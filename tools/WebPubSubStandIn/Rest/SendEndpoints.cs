using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using WebPubSubStandIn.Clients;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Rest
{
    /// <summary>
    /// Sends (#2-#5): to all, a connection, a user, a group; <c>excluded</c> honoured, <c>filter</c> applied when the
    /// stand-in supports it (otherwise ignored with a warning), <c>messageTtlSeconds</c> ignored. 202.
    /// </summary>
    public static class SendEndpoints
    {
        public static void Map(RouteGroupBuilder api)
        {
            api.MapPost("/hubs/{hub}/:send", (HttpContext context, string hub, ConnectionRegistry registry, ILogger<RestApi> logger)
                => SendAsync(context, registry.InHub(hub), logger, MessageDelivery.FromServer));

            api.MapPost("/hubs/{hub}/connections/{connectionId}/:send", (HttpContext context, string hub, string connectionId, ConnectionRegistry registry, ILogger<RestApi> logger)
                => SendAsync(context, Single(registry.Get(hub, connectionId)), logger, MessageDelivery.FromServer));

            api.MapPost("/hubs/{hub}/users/{userId}/:send", (HttpContext context, string hub, string userId, ConnectionRegistry registry, ILogger<RestApi> logger)
                => SendAsync(context, registry.OfUser(hub, userId), logger, MessageDelivery.FromServer));

            api.MapPost("/hubs/{hub}/groups/{group}/:send", (HttpContext context, string hub, string group, ConnectionRegistry registry, ILogger<RestApi> logger)
                => SendAsync(context, registry.InGroup(hub, group), logger, (connections, payload) => MessageDelivery.ToGroup(connections, group, payload, sender: null)));
        }

        private static async Task<IResult> SendAsync(HttpContext context, IEnumerable<ClientConnection> targets, ILogger logger, Action<IEnumerable<ClientConnection>, MessagePayload> deliver)
        {
            var (payload, error) = await SendPayloadReader.ReadAsync(context.Request);
            if (payload == null)
            {
                return error!;
            }

            var query = context.Request.Query;
            var excluded = new HashSet<string>(query["excluded"].Where(e => e != null)!, StringComparer.Ordinal);
            var filterText = query["filter"].FirstOrDefault();
            if (!ConnectionFilter.TryParse(filterText, out var filter, out var filterError))
            {
                logger.LogWarning("Send filter ignored: {Error}", filterError);
                filter = _ => true;
            }
            if (query.ContainsKey("messageTtlSeconds"))
            {
                logger.LogDebug("messageTtlSeconds is ignored by the stand-in.");
            }

            deliver(targets.Where(c => !excluded.Contains(c.Id) && filter(c)).ToArray(), payload);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }

        private static IEnumerable<ClientConnection> Single(ClientConnection? connection)
            => connection == null ? Array.Empty<ClientConnection>() : new[] { connection };
    }
}
