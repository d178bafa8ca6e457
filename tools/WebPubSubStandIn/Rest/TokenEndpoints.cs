using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WebPubSubStandIn.Auth;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Rest
{
    /// <summary><c>:generateToken</c> (#25): <c>userId</c>, repeated <c>role</c> and <c>group</c>, <c>minutesToExpire</c> (default 60), <c>clientType</c>.</summary>
    public static class TokenEndpoints
    {
        public static void Map(RouteGroupBuilder api)
        {
            api.MapPost("/hubs/{hub}/:generateToken", (HttpContext context, string hub, TokenIssuer issuer) =>
            {
                var query = context.Request.Query;
                int minutes = 60;
                var minutesText = query["minutesToExpire"].FirstOrDefault();
                if (minutesText != null && (!int.TryParse(minutesText, out minutes) || minutes < 1))
                {
                    return RestErrors.BadRequest($"minutesToExpire '{minutesText}' must be an integer >= 1.");
                }
                var clientType = query["clientType"].FirstOrDefault() ?? "Default";
                bool mqtt = clientType.Equals("mqtt", StringComparison.OrdinalIgnoreCase);
                if (!mqtt && !clientType.Equals("default", StringComparison.OrdinalIgnoreCase))
                {
                    return RestErrors.BadRequest($"clientType '{clientType}' is not supported (Default, MQTT).");
                }
                var groups = query["group"].Where(g => g != null).Select(g => g!).ToArray();
                if (groups.Any(g => !Names.IsValidGroup(g)))
                {
                    return RestErrors.BadRequest("Every 'group' must be a valid group name.");
                }
                var roles = query["role"].Where(r => !string.IsNullOrEmpty(r)).Select(r => r!).ToArray();
                var token = issuer.IssueClientToken(hub, query["userId"].FirstOrDefault(), roles, groups, TimeSpan.FromMinutes(minutes), mqtt);
                return Results.Json(new { token });
            });
        }
    }
}
