using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Rest
{
    /// <summary>Group membership (#8, #9, #11-#14, #16-#18, #23, #24) and the exists HEADs.</summary>
    public static class GroupEndpoints
    {
        public static void Map(RouteGroupBuilder api)
        {
            api.MapMethods("/hubs/{hub}/connections/{connectionId}", new[] { "HEAD" }, (string hub, string connectionId, ConnectionRegistry registry)
                => Exists(registry.Get(hub, connectionId) != null));
            api.MapMethods("/hubs/{hub}/groups/{group}", new[] { "HEAD" }, (string hub, string group, ConnectionRegistry registry)
                => Exists(registry.GroupExists(hub, group)));
            api.MapMethods("/hubs/{hub}/users/{userId}", new[] { "HEAD" }, (string hub, string userId, ConnectionRegistry registry)
                => Exists(registry.UserExists(hub, userId)));

            api.MapPut("/hubs/{hub}/groups/{group}/connections/{connectionId}", (string hub, string group, string connectionId, ConnectionRegistry registry) =>
            {
                if (!Names.IsValidGroup(group))
                {
                    return InvalidGroup(group);
                }
                var connection = registry.Get(hub, connectionId);
                if (connection == null)
                {
                    return RestErrors.NotFound($"Connection '{connectionId}' does not exist in hub '{hub}'.");
                }
                connection.JoinGroup(group);
                return Results.Ok();
            });

            api.MapDelete("/hubs/{hub}/groups/{group}/connections/{connectionId}", (string hub, string group, string connectionId, ConnectionRegistry registry) =>
            {
                registry.Get(hub, connectionId)?.LeaveGroup(group);
                return Results.NoContent();
            });

            api.MapDelete("/hubs/{hub}/connections/{connectionId}/groups", (string hub, string connectionId, ConnectionRegistry registry) =>
            {
                registry.Get(hub, connectionId)?.LeaveAllGroups();
                return Results.NoContent();
            });

            api.MapPut("/hubs/{hub}/users/{userId}/groups/{group}", (string hub, string userId, string group, ConnectionRegistry registry) =>
            {
                if (!Names.IsValidGroup(group))
                {
                    return InvalidGroup(group);
                }
                foreach (var connection in registry.OfUser(hub, userId))
                {
                    connection.JoinGroup(group);
                }
                return Results.Ok();
            });

            api.MapDelete("/hubs/{hub}/users/{userId}/groups/{group}", (string hub, string userId, string group, ConnectionRegistry registry) =>
            {
                foreach (var connection in registry.OfUser(hub, userId))
                {
                    connection.LeaveGroup(group);
                }
                return Results.NoContent();
            });

            api.MapDelete("/hubs/{hub}/users/{userId}/groups", (string hub, string userId, ConnectionRegistry registry) =>
            {
                foreach (var connection in registry.OfUser(hub, userId))
                {
                    connection.LeaveAllGroups();
                }
                return Results.NoContent();
            });

            api.MapGet("/hubs/{hub}/groups/{group}/connections", (HttpContext context, string hub, string group, ConnectionRegistry registry) =>
            {
                int top = int.TryParse(context.Request.Query["top"].FirstOrDefault(), out var t) && t > 0 ? t : int.MaxValue;
                var value = registry.InGroup(hub, group)
                    .OrderBy(c => c.Id, StringComparer.Ordinal)
                    .Take(top)
                    .Select(c => new { connectionId = c.Id, userId = c.UserId });
                return Results.Json(new { value });
            });

            api.MapPost("/hubs/{hub}/:addToGroups", (HttpContext context, string hub, ConnectionRegistry registry)
                => ChangeGroupsAsync(context, hub, registry, (connection, group) => connection.JoinGroup(group)));
            api.MapPost("/hubs/{hub}/:removeFromGroups", (HttpContext context, string hub, ConnectionRegistry registry)
                => ChangeGroupsAsync(context, hub, registry, (connection, group) => connection.LeaveGroup(group)));
        }

        /// <summary>Body <c>{"groups":[...],"filter":"..."}</c>; no filter selects every connection of the hub.</summary>
        private static async Task<IResult> ChangeGroupsAsync(HttpContext context, string hub, ConnectionRegistry registry, Action<ClientConnection, string> change)
        {
            string[] groups;
            string? filterText;
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                var root = body.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("groups", out var groupsElement) || groupsElement.ValueKind != JsonValueKind.Array)
                {
                    return RestErrors.BadRequest("The body must be {\"groups\": [...], \"filter\": \"...\"} with a non-empty 'groups'.");
                }
                groups = groupsElement.EnumerateArray().Select(g => g.ValueKind == JsonValueKind.String ? g.GetString()! : string.Empty).ToArray();
                filterText = root.TryGetProperty("filter", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            }
            catch (JsonException ex)
            {
                return RestErrors.BadRequest("The body is not valid JSON: " + ex.Message);
            }

            if (groups.Length == 0 || groups.Any(g => !Names.IsValidGroup(g)))
            {
                return RestErrors.BadRequest("'groups' must be a non-empty list of valid group names.");
            }
            if (!ConnectionFilter.TryParse(filterText, out var filter, out var filterError))
            {
                return RestErrors.BadRequest(filterError!);
            }

            foreach (var connection in registry.InHub(hub).Where(filter))
            {
                foreach (var group in groups)
                {
                    change(connection, group);
                }
            }
            return Results.Ok();
        }

        private static IResult Exists(bool exists) => exists ? Results.Ok() : Results.NotFound();

        private static IResult InvalidGroup(string group) => RestErrors.BadRequest($"Invalid group name '{group}' (1-1024 characters, not only whitespace).");
    }
}
