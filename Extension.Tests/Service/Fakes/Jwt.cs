using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    /// <summary>Test-side JWT decoding and verification, independent of the production builder.</summary>
    internal static class Jwt
    {
        public static JsonElement Header(string token) => Part(token, 0);

        public static JsonElement Payload(string token) => Part(token, 1);

        public static string FromBearer(string? authorization)
        {
            Assert.That(authorization, Does.StartWith("Bearer "));
            return authorization!.Substring("Bearer ".Length);
        }

        /// <summary>Recomputes HMAC-SHA256 over "header.payload" with the key's UTF-8 bytes.</summary>
        public static bool SignatureValid(string token, string key)
        {
            string[] parts = token.Split('.');
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
            byte[] expected = hmac.ComputeHash(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            return parts[2] == Base64UrlEncoder.Encode(expected);
        }

        /// <summary>Full validation by Microsoft.IdentityModel (signature, lifetime, audience); key must be ≥ 32 bytes.</summary>
        public static JsonWebToken Validate(string token, string key, string audience)
        {
            var result = new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
            {
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
                ValidateIssuer = false,
                ValidAudience = audience,
                ValidateLifetime = true,
                RequireSignedTokens = true,
            }).GetAwaiter().GetResult();
            Assert.That(result.IsValid, Is.True, result.Exception?.Message);
            return (JsonWebToken)result.SecurityToken;
        }

        /// <summary>Asserts header alg/typ, signature and aud; exp ≈ now + lifetime; iat/nbf ≈ now.</summary>
        public static JsonElement AssertValid(string token, string key, string audience, TimeSpan lifetime)
        {
            JsonElement header = Header(token);
            Assert.That(header.GetProperty("alg").GetString(), Is.EqualTo("HS256"));
            Assert.That(header.GetProperty("typ").GetString(), Is.EqualTo("JWT"));
            Assert.That(SignatureValid(token, key), Is.True, "signature");
            Assert.That(token.Contains('='), Is.False, "base64url has no padding");
            JsonElement payload = Payload(token);
            Assert.That(payload.GetProperty("aud").GetString(), Is.EqualTo(audience));
            long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            Assert.That(payload.GetProperty("exp").GetInt64(), Is.EqualTo(now + (long)lifetime.TotalSeconds).Within(5));
            Assert.That(payload.GetProperty("iat").GetInt64(), Is.EqualTo(now).Within(5));
            Assert.That(payload.GetProperty("nbf").GetInt64(), Is.EqualTo(now).Within(5));
            return payload;
        }

        public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

        private static JsonElement Part(string token, int index)
        {
            byte[] json = Base64UrlEncoder.DecodeBytes(token.Split('.')[index]);
            return JsonDocument.Parse(json).RootElement.Clone();
        }
    }
}
