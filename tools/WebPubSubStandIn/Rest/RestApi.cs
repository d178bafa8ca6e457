using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Rest
{
    /// <summary>
    /// The data-plane REST API under <c>/api</c> (any <c>api-version</c>). Everything but <c>HEAD /api/health</c>
    /// needs the bearer token; hub names are checked first.
    /// </summary>
    public sealed class RestApi
    {
        private RestApi()
        {
        }

        public static void Map(WebApplication app)
        {
            app.MapMethods("/api/health", new[] { "HEAD", "GET" }, () => Results.Ok());

            var api = app.MapGroup("/api");
            api.AddEndpointFilter<RestAuthFilter>();
            api.AddEndpointFilter((context, next) =>
            {
                var hub = context.HttpContext.GetRouteValue("hub") as string;
                return hub != null && !Names.IsValidHub(hub)
                    ? new System.Threading.Tasks.ValueTask<object?>(RestErrors.BadRequest($"Invalid hub name '{hub}'."))
                    : next(context);
            });

            SendEndpoints.Map(api);
            GroupEndpoints.Map(api);
            CloseEndpoints.Map(api);
            PermissionEndpoints.Map(api);
            TokenEndpoints.Map(api);
        }
    }
}
