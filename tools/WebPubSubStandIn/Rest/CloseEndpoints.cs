using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WebPubSubStandIn.Clients;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Rest
{
    /// <summary>Close a connection (#7), a group's (#10), a user's (#15) or all (#19) connections, with <c>reason</c> and <c>excluded</c>. 204.</summary>
    public static class CloseEndpoints
    {
        public static void Map(RouteGroupBuilder api)
        {
            api.MapDelete("/hubs/{hub}/connections/{connectionId}", (HttpContext context, string hub, string connectionId, ConnectionRegistry registry)
                => Close(context, registry.Get(hub, connectionId) is { } c ? new[] { c } : Array.Empty<ClientConnection>()));
            api.MapPost("/hubs/{hub}/groups/{group}/:closeConnections", (HttpContext context, string hub, string group, ConnectionRegistry registry)
                => Close(context, registry.InGroup(hub, group)));
            api.MapPost("/hubs/{hub}/users/{userId}/:closeConnections", (HttpContext context, string hub, string userId, ConnectionRegistry registry)
                => Close(context, registry.OfUser(hub, userId)));
            api.MapPost("/hubs/{hub}/:closeConnections", (HttpContext context, string hub, ConnectionRegistry registry)
                => Close(context, registry.InHub(hub)));
        }

        private static IResult Close(HttpContext context, IEnumerable<ClientConnection> connections)
        {
            var query = context.Request.Query;
            var reason = query["reason"].FirstOrDefault();
            var excluded = new HashSet<string>(query["excluded"].Where(e => e != null)!, StringComparer.Ordinal);
            foreach (var connection in connections.Where(c => !excluded.Contains(c.Id)))
            {
                ConnectionCloser.Close(connection, WebSocketCloseStatus.NormalClosure, reason);
            }
            return Results.NoContent();
        }
    }
}
