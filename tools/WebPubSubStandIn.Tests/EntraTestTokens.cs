using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WebPubSubStandIn.Tests
{
    /// <summary>Entra-shaped RS256 tokens made by the tests with their own keys (an issuer the stand-in may or may not trust).</summary>
    internal sealed class EntraTestTokens : IDisposable
    {
        private readonly RSA _rsa = RSA.Create(2048);

        public EntraTestTokens(string issuer) => Issuer = issuer;

        public string Issuer { get; }

        public string KeyId => "test-key";

        public string Create(string principalId, string audience = "https://webpubsub.azure.com", TimeSpan? lifetime = null)
        {
            var now = DateTimeOffset.UtcNow;
            var expires = now + (lifetime ?? TimeSpan.FromHours(1));
            var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
            return handler.CreateToken(new SecurityTokenDescriptor
            {
                Claims = new Dictionary<string, object>
                {
                    ["aud"] = audience,
                    ["iss"] = Issuer,
                    ["oid"] = principalId,
                    ["iat"] = now.AddHours(-2).ToUnixTimeSeconds(),
                    ["nbf"] = now.AddHours(-2).ToUnixTimeSeconds(),
                    ["exp"] = expires.ToUnixTimeSeconds(),
                },
                SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
            });
        }

        /// <summary>The public key as a JWKS document.</summary>
        public string Jwks()
        {
            var p = _rsa.ExportParameters(false);
            return $"{{\"keys\":[{{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"{KeyId}\",\"n\":\"{Base64UrlEncoder.Encode(p.Modulus)}\",\"e\":\"{Base64UrlEncoder.Encode(p.Exponent)}\"}}]}}";
        }

        public void Dispose() => _rsa.Dispose();
    }
}
