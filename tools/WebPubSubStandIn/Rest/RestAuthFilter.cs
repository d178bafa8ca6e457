using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using WebPubSubStandIn.Auth;
using WebPubSubStandIn.Configuration;
using WebPubSubStandIn.Entra;

namespace WebPubSubStandIn.Rest
{
    /// <summary>
    /// REST auth: <c>Authorization: Bearer &lt;HS256 JWT&gt;</c> whose <c>aud</c> is the request URL, with or without
    /// its query (case-insensitive; raw or decoded once; the host as requested or the connection string's endpoint),
    /// or a Microsoft Entra token (RS256, see <see cref="EntraTokenValidator"/>) whose principal has a data-plane
    /// role allowing the request (else 403).
    /// </summary>
    public sealed class RestAuthFilter : IEndpointFilter
    {
        private readonly TokenValidator _tokens;
        private readonly EntraTokenValidator _entra;
        private readonly StandInOptions _options;
        private readonly ILogger<RestAuthFilter> _logger;

        public RestAuthFilter(TokenValidator tokens, EntraTokenValidator entra, StandInOptions options, ILogger<RestAuthFilter> logger)
        {
            _tokens = tokens;
            _entra = entra;
            _options = options;
            _logger = logger;
        }

        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var request = context.HttpContext.Request;
            var authorization = request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return RestErrors.Unauthorized("An 'Authorization: Bearer <token>' header is required.");
            }

            var bearer = authorization.Substring("Bearer ".Length).Trim();
            if (EntraTokenValidator.IsEntraToken(bearer))
            {
                return await AuthorizeEntraAsync(context, next, bearer);
            }
            var (token, error) = await _tokens.ValidateAsync(bearer, Audiences(context.HttpContext));
            if (token == null)
            {
                _logger.LogInformation("REST {Method} {Path} refused: {Error}", request.Method, request.Path, error);
                return RestErrors.Unauthorized("Invalid token: " + error);
            }
            return await next(context);
        }

        private async ValueTask<object?> AuthorizeEntraAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string bearer)
        {
            var request = context.HttpContext.Request;
            var (principal, error) = await _entra.ValidateAsync(bearer);
            if (principal == null)
            {
                _logger.LogInformation("REST {Method} {Path} refused (Entra): {Error}", request.Method, request.Path, error);
                return RestErrors.Unauthorized("Invalid token: " + error);
            }
            if (!DataPlaneRoles.Allows(_options.Entra.RolesOf(principal), request.Method))
            {
                var action = DataPlaneRoles.ActionFor(request.Method, request.Path);
                _logger.LogInformation("REST {Method} {Path} forbidden: principal {Principal} lacks {Action}", request.Method, request.Path, principal, action);
                return RestErrors.Forbidden($"The principal '{principal}' is not allowed to perform '{action}': assign it the '{DataPlaneRoles.Owner}' role (or a role with that data action).");
            }
            return await next(context);
        }

        private IReadOnlyCollection<string> Audiences(HttpContext context)
        {
            var request = context.Request;
            var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
            if (string.IsNullOrEmpty(rawTarget))
            {
                rawTarget = request.PathBase + request.Path + request.QueryString;
            }
            int query = rawTarget.IndexOf('?');
            var targets = new[] { rawTarget, query >= 0 ? rawTarget.Substring(0, query) : rawTarget };

            var bases = new[]
            {
                request.Scheme + "://" + request.Host,
                _options.Connection.Endpoint.GetLeftPart(UriPartial.Authority),
            };

            var audiences = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var root in bases)
            {
                foreach (var target in targets)
                {
                    audiences.Add(root + target);
                    audiences.Add(Uri.UnescapeDataString(root + target));
                }
            }
            return audiences;
        }
    }
}
