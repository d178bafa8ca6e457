using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using WebPubSubStandIn.Configuration;

namespace WebPubSubStandIn.Auth
{
    /// <summary>Client access tokens for <c>:generateToken</c>: HS256 with the AccessKey, <c>aud</c> = the client URL (http form).</summary>
    public sealed class TokenIssuer
    {
        private readonly ServiceConnectionString _connection;

        public TokenIssuer(StandInOptions options) => _connection = options.Connection;

        public string ClientAudience(string hub, bool mqtt = false)
            => _connection.BaseUrl + (mqtt ? "/clients/mqtt/hubs/" : "/client/hubs/") + hub;

        public string IssueClientToken(string hub, string? userId, IReadOnlyList<string> roles, IReadOnlyList<string> groups, TimeSpan lifetime, bool mqtt)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var payload = new Dictionary<string, object>
            {
                ["aud"] = ClientAudience(hub, mqtt),
                ["iat"] = now,
                ["nbf"] = now,
                ["exp"] = now + (long)lifetime.TotalSeconds,
            };
            if (!string.IsNullOrEmpty(userId))
            {
                payload["sub"] = userId;
            }
            if (roles.Count > 0)
            {
                payload["role"] = roles;
            }
            if (groups.Count > 0)
            {
                payload["webpubsub.group"] = groups;
            }
            return Sign(payload, _connection.KeyBytes);
        }

        /// <summary>base64url(header).base64url(payload).base64url(HMAC-SHA256).</summary>
        internal static string Sign(IDictionary<string, object> payload, byte[] key)
        {
            var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
            var body = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(payload));
            var signed = header + "." + body;
            var signature = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signed));
            return signed + "." + Base64UrlEncoder.Encode(signature);
        }
    }
}
