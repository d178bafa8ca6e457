using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WebPubSubStandIn.Configuration;

namespace WebPubSubStandIn.Entra
{
    /// <summary>
    /// The stand-in's own Microsoft Entra issuer: an RSA key generated at start (so tokens never outlive the
    /// process that can validate them), RS256 access tokens shaped like Entra's app-only tokens for a managed
    /// identity, and the public key as a JWKS.
    /// </summary>
    public sealed class EntraIssuer : IDisposable
    {
        private readonly RSA _rsa = RSA.Create(2048);
        private readonly JsonWebTokenHandler _handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        private readonly EntraSettings _settings;

        public EntraIssuer(StandInOptions options)
        {
            _settings = options.Entra;
            var parameters = _rsa.ExportParameters(false);
            KeyId = Base64UrlEncoder.Encode(SHA256.HashData(parameters.Modulus!)).Substring(0, 16);
            SigningKey = new RsaSecurityKey(_rsa) { KeyId = KeyId };
        }

        public string KeyId { get; }

        public RsaSecurityKey SigningKey { get; }

        public string Issuer => _settings.Issuer;

        /// <summary>An access token for <paramref name="identity"/> with <c>aud</c> = the Web PubSub resource.</summary>
        public (string Token, DateTimeOffset ExpiresOn) Issue(ManagedIdentitySettings identity)
        {
            var now = DateTimeOffset.UtcNow;
            var expires = now + identity.TokenLifetime;
            var claims = new Dictionary<string, object>
            {
                ["aud"] = EntraSettings.Audience,
                ["iss"] = Issuer,
                ["iat"] = now.ToUnixTimeSeconds(),
                ["nbf"] = Math.Min(now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds() - 1),
                ["exp"] = expires.ToUnixTimeSeconds(),
                ["tid"] = _settings.TenantId,
                ["oid"] = identity.PrincipalId,
                ["sub"] = identity.PrincipalId,
                ["appid"] = identity.ClientId,
                ["idtyp"] = "app",
                ["ver"] = "1.0",
            };
            if (identity.ResourceId != null)
            {
                claims["xms_mirid"] = identity.ResourceId;
            }
            var descriptor = new SecurityTokenDescriptor
            {
                Claims = claims,
                SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
            };
            return (_handler.CreateToken(descriptor), expires);
        }

        /// <summary>The public key, as an OpenID Connect <c>jwks_uri</c> serves it.</summary>
        public object Jwks()
        {
            var parameters = _rsa.ExportParameters(false);
            return new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            };
        }

        public void Dispose() => _rsa.Dispose();
    }
}
