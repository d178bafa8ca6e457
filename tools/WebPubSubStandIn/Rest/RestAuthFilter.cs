using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using WebPubSubStandIn.Auth;
using WebPubSubStandIn.Configuration;

namespace WebPubSubStandIn.Rest
{
    /// <summary>
    /// REST auth: <c>Authorization: Bearer &lt;HS256 JWT&gt;</c> whose <c>aud</c> is the request URL, with or without
    /// its query (case-insensitive; raw or decoded once; the host as requested or the connection string's endpoint).
    /// </summary>
    public sealed class RestAuthFilter : IEndpointFilter
    {
        private readonly TokenValidator _tokens;
        private readonly StandInOptions _options;
        private readonly ILogger<RestAuthFilter> _logger;

        public RestAuthFilter(TokenValidator tokens, StandInOptions options, ILogger<RestAuthFilter> logger)
        {
            _tokens = tokens;
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

            var (token, error) = await _tokens.ValidateAsync(authorization.Substring("Bearer ".Length).Trim(), Audiences(context.HttpContext));
            if (token == null)
            {
                _logger.LogInformation("REST {Method} {Path} refused: {Error}", request.Method, request.Path, error);
                return RestErrors.Unauthorized("Invalid token: " + error);
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
