using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WebPubSubStandIn.Configuration;

namespace WebPubSubStandIn.Entra
{
    /// <summary>
    /// A managed-identity endpoint like App Service's (what <c>IDENTITY_ENDPOINT</c> points at):
    /// <c>GET /msi/token?api-version=2019-08-01&amp;resource=https://webpubsub.azure.com</c>, optionally with one of
    /// <c>client_id</c>, <c>mi_res_id</c>, <c>principal_id</c>/<c>object_id</c>, and the header
    /// <c>X-IDENTITY-HEADER</c> = <c>StandIn:ManagedIdentity:Header</c>. Answers
    /// <c>{access_token, expires_on (Unix seconds, as a string), resource, token_type, client_id}</c>.
    /// </summary>
    public static class ManagedIdentityEndpoint
    {
        public const string Path = "/msi/token";
        public const string ApiVersion = "2019-08-01";

        public static void Map(WebApplication app) => app.MapGet(Path, Handle);

        private static async Task<IResult> Handle(HttpContext context, StandInOptions options, EntraIssuer issuer, TokenRequestLedger ledger, ILoggerFactory loggers)
        {
            var entra = options.Entra;
            var logger = loggers.CreateLogger(typeof(ManagedIdentityEndpoint).FullName!);
            if (entra.IdentityHeader == null)
            {
                return Error(StatusCodes.Status404NotFound, "The identity endpoint is off: set StandIn:ManagedIdentity:Header.");
            }
            var header = context.Request.Headers["X-IDENTITY-HEADER"].ToString();
            if (!FixedTimeEquals(header, entra.IdentityHeader))
            {
                return Error(StatusCodes.Status401Unauthorized, "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.");
            }
            var query = context.Request.Query;
            if (query["api-version"].ToString() != ApiVersion)
            {
                return Error(StatusCodes.Status400BadRequest, $"api-version must be {ApiVersion}.");
            }
            var resource = query["resource"].ToString();
            if (!resource.TrimEnd('/').Equals(EntraSettings.Audience, StringComparison.OrdinalIgnoreCase))
            {
                return Error(StatusCodes.Status400BadRequest, $"This endpoint issues tokens for the resource '{EntraSettings.Audience}' only.");
            }

            var (identity, wanted) = Find(entra, query);
            if (identity == null)
            {
                logger.LogWarning("Managed identity token refused: no identity for {Wanted}", wanted);
                return Error(StatusCodes.Status400BadRequest, $"No managed identity found for {wanted}.");
            }
            ledger.Count(identity.Name);
            if (identity.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(identity.ResponseDelay, context.RequestAborted).ConfigureAwait(false);
            }
            if (identity.FailureStatus is int status)
            {
                logger.LogWarning("Managed identity '{Identity}': answering {Status} as configured", identity.Name, status);
                return Error(status, $"The identity endpoint failed for '{identity.Name}' (StandIn:Identities:{identity.Name}:FailureStatus).");
            }

            var (token, expires) = issuer.Issue(identity);
            var stated = expires - identity.TokenLifetime + identity.StatedLifetime;
            logger.LogInformation("Managed identity token issued for '{Identity}' (client id {ClientId}), expires {Expires:O}", identity.Name, identity.ClientId, expires);
            return Results.Json(new
            {
                access_token = token,
                expires_on = stated.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                resource,
                token_type = "Bearer",
                client_id = identity.ClientId,
            });
        }

        private static (ManagedIdentitySettings? Identity, string Wanted) Find(EntraSettings entra, IQueryCollection query)
        {
            string? clientId = query["client_id"].FirstOrDefault();
            string? resourceId = query["mi_res_id"].FirstOrDefault();
            string? principalId = query["principal_id"].FirstOrDefault() ?? query["object_id"].FirstOrDefault();
            if (!string.IsNullOrEmpty(clientId))
            {
                return (entra.Identities.FirstOrDefault(i => Same(i.ClientId, clientId)), $"client_id '{clientId}'");
            }
            if (!string.IsNullOrEmpty(resourceId))
            {
                return (entra.Identities.FirstOrDefault(i => i.ResourceId != null && Same(i.ResourceId, resourceId)), $"mi_res_id '{resourceId}'");
            }
            if (!string.IsNullOrEmpty(principalId))
            {
                return (entra.Identities.FirstOrDefault(i => Same(i.PrincipalId, principalId)), $"principal_id '{principalId}'");
            }
            return (entra.Identities.FirstOrDefault(i => i.SystemAssigned), "the system-assigned identity");
        }

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private static bool FixedTimeEquals(string actual, string expected)
            => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(actual)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

        // App Service's error shape.
        private static IResult Error(int status, string message)
            => Results.Json(new { statusCode = status, message, correlationId = Guid.NewGuid().ToString() }, statusCode: status);
    }
}
