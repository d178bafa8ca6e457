using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WebPubSubStandIn.Configuration;

namespace WebPubSubStandIn.Entra
{
    /// <summary>
    /// Validates Microsoft Entra bearer tokens on the REST API with Microsoft.IdentityModel: RS256 signature by a
    /// trusted issuer's key (the stand-in's own issuer, plus <c>StandIn:Entra:TrustedIssuer</c>), <c>iss</c>,
    /// <c>aud</c> = <c>https://webpubsub.azure.com</c>, <c>exp</c> (required, 30 s skew). Error texts never carry
    /// the token.
    /// </summary>
    public sealed class EntraTokenValidator
    {
        private readonly JsonWebTokenHandler _handler = new JsonWebTokenHandler();
        private readonly TokenValidationParameters _parameters;

        public EntraTokenValidator(EntraIssuer issuer, StandInOptions options)
        {
            var issuers = new List<string> { issuer.Issuer };
            var keys = new List<SecurityKey> { issuer.SigningKey };
            var entra = options.Entra;
            if (entra.TrustedIssuer != null)
            {
                issuers.Add(entra.TrustedIssuer);
                keys.AddRange(new JsonWebKeySet(File.ReadAllText(entra.TrustedKeysFile!)).GetSigningKeys());
            }
            _parameters = new TokenValidationParameters
            {
                ValidIssuers = issuers,
                ValidAudiences = new[] { EntraSettings.Audience, EntraSettings.Audience + "/" },
                IssuerSigningKeys = keys,
                ValidAlgorithms = new[] { SecurityAlgorithms.RsaSha256 },
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateLifetime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        }

        /// <summary>Whether <paramref name="token"/> looks like an Entra token (RS256) rather than an AccessKey one (HS256).</summary>
        public static bool IsEntraToken(string token)
        {
            try
            {
                return new JsonWebToken(token).Alg.StartsWith("RS", StringComparison.Ordinal);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        /// <returns>The principal (object) id, or null with <paramref name="error"/> set.</returns>
        public async Task<(string? PrincipalId, string? Error)> ValidateAsync(string token)
        {
            var result = await _handler.ValidateTokenAsync(token, _parameters).ConfigureAwait(false);
            if (!result.IsValid)
            {
                return (null, Describe(result.Exception));
            }
            var jwt = (JsonWebToken)result.SecurityToken;
            return jwt.TryGetPayloadValue<string>("oid", out var oid) && !string.IsNullOrEmpty(oid)
                ? (oid, null)
                : (null, "The token has no 'oid' claim.");
        }

        // IdentityModel's messages can quote token parts; these are the stand-in's own words.
        private static string Describe(Exception? exception) => exception switch
        {
            SecurityTokenExpiredException => "The token is expired.",
            SecurityTokenNotYetValidException => "The token is not valid yet.",
            SecurityTokenInvalidAudienceException => $"The token audience is not '{EntraSettings.Audience}'.",
            SecurityTokenInvalidIssuerException => "The token issuer is not trusted.",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token signature does not match a trusted issuer's key.",
            SecurityTokenNoExpirationException => "The token has no 'exp' claim.",
            SecurityTokenInvalidAlgorithmException => "The token algorithm is not RS256.",
            _ => "The token is malformed or invalid.",
        };
    }
}
