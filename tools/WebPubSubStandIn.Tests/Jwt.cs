using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WebPubSubStandIn.Tests
{
    /// <summary>Test-side HS256 tokens (written independently of the stand-in's issuer).</summary>
    internal static class Jwt
    {
        public static string Create(string key, string audience, string? userId = null, IEnumerable<string>? roles = null,
            IEnumerable<string>? groups = null, TimeSpan? lifetime = null, string? signingKey = null)
        {
            var now = DateTimeOffset.UtcNow;
            var payload = new Dictionary<string, object>
            {
                ["aud"] = audience,
                ["iat"] = now.ToUnixTimeSeconds(),
                ["exp"] = now.Add(lifetime ?? TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
            };
            if (userId != null)
            {
                payload["sub"] = userId;
            }
            if (roles != null)
            {
                payload["role"] = roles;
            }
            if (groups != null)
            {
                payload["webpubsub.group"] = groups;
            }
            var header = Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
            var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
            var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey ?? key), Encoding.ASCII.GetBytes(header + "." + body));
            return header + "." + body + "." + Base64Url(signature);
        }

        public static JsonElement Payload(string token)
        {
            var part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
            part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
            return JsonDocument.Parse(Convert.FromBase64String(part)).RootElement;
        }

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
