using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace FunctionsHost.Tests.Infrastructure
{
    /// <summary>Webhook requests as the Web PubSub service sends them: binary-mode CloudEvents, signed with the access key.</summary>
    internal static class CloudEvents
    {
        public const string AccessKey = "local-test-key-0123456789abcdef0123456789";
        public const string Origin = "localhost";
        public const string Hub = "chat";

        public static string Sign(string connectionId, string key = AccessKey) =>
            "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(connectionId))).ToLowerInvariant();

        public static HttpRequestMessage Event(string path, string type, string eventName, HttpContent? content, string connectionId = "conn-1", string? userId = "alice", string key = AccessKey, string? states = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            var headers = request.Headers;
            headers.TryAddWithoutValidation("WebHook-Request-Origin", Origin);
            headers.TryAddWithoutValidation("ce-specversion", "1.0");
            headers.TryAddWithoutValidation("ce-type", type);
            headers.TryAddWithoutValidation("ce-source", $"/hubs/{Hub}/client/{connectionId}");
            headers.TryAddWithoutValidation("ce-id", Guid.NewGuid().ToString("N"));
            headers.TryAddWithoutValidation("ce-time", DateTimeOffset.UtcNow.ToString("O"));
            headers.TryAddWithoutValidation("ce-hub", Hub);
            headers.TryAddWithoutValidation("ce-connectionId", connectionId);
            headers.TryAddWithoutValidation("ce-eventName", eventName);
            if (userId != null)
            {
                headers.TryAddWithoutValidation("ce-userId", userId);
            }
            if (states != null)
            {
                headers.TryAddWithoutValidation("ce-connectionState", states);
            }
            headers.TryAddWithoutValidation("ce-signature", Sign(connectionId, key));
            return request;
        }

        public static HttpRequestMessage Connect(string path, string? userId = "alice", string key = AccessKey) =>
            Event(path, "azure.webpubsub.sys.connect", "connect",
                Json("{\"claims\":{},\"query\":{},\"subprotocols\":[\"json.webpubsub.azure.v1\"],\"clientCertificates\":[]}"),
                userId: userId, key: key);

        public static HttpRequestMessage Connected(string path, string connectionId, string userId) =>
            Event(path, "azure.webpubsub.sys.connected", "connected", Json("{}"), connectionId, userId);

        public static HttpRequestMessage Disconnected(string path, string connectionId, string userId) =>
            Event(path, "azure.webpubsub.sys.disconnected", "disconnected", Json("{\"reason\":\"gone\"}"), connectionId, userId);

        public static HttpRequestMessage User(string path, string eventName, string text, string connectionId = "conn-1", string userId = "alice", string? states = null)
        {
            var content = new StringContent(text, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            return Event(path, "azure.webpubsub.user." + eventName, eventName, content, connectionId, userId, states: states);
        }

        public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

        /// <summary>ce-connectionState: base64 of a JSON object whose values are base64 of each state's JSON.</summary>
        public static string EncodeStates(params (string Key, string Json)[] states)
        {
            var sb = new StringBuilder("{");
            for (var i = 0; i < states.Length; i++)
            {
                sb.Append(i == 0 ? "" : ",").Append('"').Append(states[i].Key).Append("\":\"")
                  .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(states[i].Json))).Append('"');
            }
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(sb.Append('}').ToString()));
        }

        public static System.Collections.Generic.Dictionary<string, string> DecodeStates(string header)
        {
            using var document = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(header));
            var result = new System.Collections.Generic.Dictionary<string, string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                result[property.Name] = Encoding.UTF8.GetString(Convert.FromBase64String(property.Value.GetString()!));
            }
            return result;
        }
    }
}
