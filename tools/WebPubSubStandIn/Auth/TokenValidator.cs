using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WebPubSubStandIn.Configuration;

namespace WebPubSubStandIn.Auth
{
    /// <summary>
    /// Validates HS256 tokens signed with the AccessKey (client access tokens and REST bearer tokens) with
    /// Microsoft.IdentityModel: signature, <c>exp</c> (required) and <c>aud</c> (one of the accepted audiences,
    /// compared ignoring case and a trailing slash).
    /// </summary>
    public sealed class TokenValidator
    {
        private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
        private readonly JsonWebTokenHandler _handler = new JsonWebTokenHandler();
        private readonly byte[] _key;
        private readonly SymmetricSecurityKey _securityKey;

        public TokenValidator(StandInOptions options)
        {
            _key = options.Connection.KeyBytes;
            _securityKey = new SymmetricSecurityKey(_key);
        }

        /// <returns>The token, or null with <paramref name="error"/> set.</returns>
        public async Task<(JsonWebToken? Token, string? Error)> ValidateAsync(string? token, IReadOnlyCollection<string> audiences)
        {
            if (string.IsNullOrEmpty(token))
            {
                return (null, "No access token.");
            }

            var parameters = new TokenValidationParameters
            {
                ValidateIssuer = false,
                ValidateAudience = true,
                AudienceValidator = (tokenAudiences, _, _) => tokenAudiences.Any(a => audiences.Any(expected => SameAudience(a, expected))),
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = ClockSkew,
                IssuerSigningKey = _securityKey,
                ValidAlgorithms = new[] { SecurityAlgorithms.HmacSha256 },
                ValidateIssuerSigningKey = false,
            };
            if (_key.Length < 32)
            {
                // Microsoft.IdentityModel refuses HMAC keys under 256 bits; local keys are often shorter. The
                // signature is then checked here (same algorithm); everything else stays with the library.
                parameters.SignatureValidator = ValidateShortKeySignature;
            }

            TokenValidationResult result;
            try
            {
                result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                return (null, ex.Message);
            }
            return result.IsValid
                ? ((JsonWebToken)result.SecurityToken, null)
                : (null, result.Exception?.Message ?? "Invalid token.");
        }

        private SecurityToken ValidateShortKeySignature(string token, TokenValidationParameters parameters)
        {
            var jwt = new JsonWebToken(token);
            if (!string.Equals(jwt.Alg, SecurityAlgorithms.HmacSha256, StringComparison.Ordinal))
            {
                throw new SecurityTokenInvalidAlgorithmException($"The token algorithm '{jwt.Alg}' is not HS256.");
            }
            int lastDot = token.LastIndexOf('.');
            var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(token.Substring(0, lastDot)));
            var actual = Base64UrlEncoder.DecodeBytes(token.Substring(lastDot + 1));
            if (!CryptographicOperations.FixedTimeEquals(expected, actual))
            {
                throw new SecurityTokenInvalidSignatureException("The token signature does not match the AccessKey.");
            }
            return jwt;
        }

        internal static bool SameAudience(string? actual, string expected)
            => actual != null && string.Equals(actual.TrimEnd('/'), expected.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
