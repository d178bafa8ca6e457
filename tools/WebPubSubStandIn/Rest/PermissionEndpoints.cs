using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Rest
{
    /// <summary>
    /// Grant (#20, 200; 404 for an unknown connection), revoke (#21, 204) and check (#22, 200/404) a permission
    /// (<c>sendToGroup</c> or <c>joinLeaveGroup</c>) for the group in <c>targetName</c> (required).
    /// A revoke overrides the connection's roles for that group.
    /// </summary>
    public static class PermissionEndpoints
    {
        private const string Route = "/hubs/{hub}/permissions/{permission}/connections/{connectionId}";

        public static void Map(RouteGroupBuilder api)
        {
            api.MapPut(Route, (HttpContext context, string hub, string permission, string connectionId, ConnectionRegistry registry) =>
            {
                if (Validate(context, permission, out var name, out var target) is { } error)
                {
                    return error;
                }
                var connection = registry.Get(hub, connectionId);
                if (connection == null)
                {
                    return RestErrors.NotFound($"Connection '{connectionId}' does not exist in hub '{hub}'.");
                }
                connection.SetPermissionOverride(name!, target!, granted: true);
                return Results.Ok();
            });

            api.MapDelete(Route, (HttpContext context, string hub, string permission, string connectionId, ConnectionRegistry registry) =>
            {
                if (Validate(context, permission, out var name, out var target) is { } error)
                {
                    return error;
                }
                registry.Get(hub, connectionId)?.SetPermissionOverride(name!, target!, granted: false);
                return Results.NoContent();
            });

            api.MapMethods(Route, new[] { "HEAD" }, (HttpContext context, string hub, string permission, string connectionId, ConnectionRegistry registry) =>
            {
                if (Validate(context, permission, out var name, out var target) is { } error)
                {
                    return error;
                }
                var connection = registry.Get(hub, connectionId);
                return connection != null && Permissions.Has(connection, name!, target!) ? Results.Ok() : Results.NotFound();
            });
        }

        private static IResult? Validate(HttpContext context, string permission, out string? name, out string? target)
        {
            name = Permissions.Parse(permission);
            target = context.Request.Query["targetName"].FirstOrDefault();
            if (name == null)
            {
                return RestErrors.BadRequest($"Unknown permission '{permission}': use sendToGroup or joinLeaveGroup.");
            }
            if (string.IsNullOrEmpty(target))
            {
                return RestErrors.BadRequest("The 'targetName' query parameter (the group name) is required.");
            }
            return null;
        }
    }
}
