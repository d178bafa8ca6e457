using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure
{
    /// <summary>Builds webhook requests the way the Web PubSub service sends them (binary-mode CloudEvents, signed).</summary>
    internal static class CloudEventRequests
    {
        public const string ServiceHost = "test.webpubsub.azure.com";
        public const string AccessKey = "7aab239577fd4f24bc919802fb629f5f";
        public const string SecondaryKey = "secondary-key-000000000000000000";
        public const string ConnectionString = "Endpoint=https://" + ServiceHost + ";AccessKey=" + AccessKey + ";Version=1.0;";
        public static readonly Uri WebhookUri = new("http://localhost/runtime/webhooks/webpubsub");

        public static string Sign(string connectionId, string key) =>
            "sha256=" + Convert.ToHexString(new HMACSHA256(Encoding.UTF8.GetBytes(key)).ComputeHash(Encoding.UTF8.GetBytes(connectionId))).ToLowerInvariant();

        /// <summary>A signed event request; <paramref name="headers"/> override or remove (null) defaults.</summary>
        public static HttpRequestMessage Event(
            string hub, string type, string eventName, HttpContent? content = null,
            string connectionId = "conn-1", string? userId = "user-1", string key = AccessKey,
            IDictionary<string, string?>? headers = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, WebhookUri) { Content = content };
            var defaults = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["WebHook-Request-Origin"] = ServiceHost,
                ["ce-specversion"] = "1.0",
                ["ce-awpsversion"] = "1.0",
                ["ce-type"] = type,
                ["ce-source"] = $"/hubs/{hub}/client/{connectionId}",
                ["ce-id"] = "1",
                ["ce-time"] = "2026-01-01T00:00:00Z",
                ["ce-hub"] = hub,
                ["ce-connectionId"] = connectionId,
                ["ce-eventName"] = eventName,
                ["ce-userId"] = userId,
                ["ce-signature"] = $"{Sign(connectionId, key)},{Sign(connectionId, SecondaryKey)}",
            };
            if (headers != null)
            {
                foreach (var pair in headers)
                {
                    defaults[pair.Key] = pair.Value;
                }
            }
            foreach (var pair in defaults)
            {
                if (pair.Value != null)
                {
                    request.Headers.TryAddWithoutValidation(pair.Key, pair.Value);
                }
            }
            return request;
        }

        public static HttpRequestMessage Connect(string hub, string body = "{\"claims\":{\"sub\":[\"user-1\"]},\"query\":{\"a\":[\"1\"]},\"subprotocols\":[\"json.webpubsub.azure.v1\"],\"clientCertificates\":[],\"headers\":{\"Host\":[\"x\"]}}", IDictionary<string, string?>? headers = null, string key = AccessKey) =>
            Event(hub, "azure.webpubsub.sys.connect", "connect", Json(body), headers: headers, key: key);

        public static HttpRequestMessage Connected(string hub, IDictionary<string, string?>? headers = null) =>
            Event(hub, "azure.webpubsub.sys.connected", "connected", Json("{}"), headers: headers);

        public static HttpRequestMessage Disconnected(string hub, string reason = "bye", IDictionary<string, string?>? headers = null) =>
            Event(hub, "azure.webpubsub.sys.disconnected", "disconnected", Json($"{{\"reason\":\"{reason}\"}}"), headers: headers);

        public static HttpRequestMessage User(string hub, string eventName, byte[] data, string mediaType, IDictionary<string, string?>? headers = null)
        {
            var content = new ByteArrayContent(data);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
            return Event(hub, "azure.webpubsub.user." + eventName, eventName, content, headers: headers);
        }

        public static HttpRequestMessage Options(params string[] origins)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, WebhookUri);
            foreach (var origin in origins)
            {
                request.Headers.TryAddWithoutValidation("WebHook-Request-Origin", origin);
            }
            return request;
        }

        public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

        /// <summary>Encodes states as the service carries them: base64(JSON object of base64 values).</summary>
        public static string EncodeStates(IDictionary<string, string> jsonStates)
        {
            var obj = new Dictionary<string, string>();
            foreach (var pair in jsonStates)
            {
                obj[pair.Key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(pair.Value));
            }
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(obj)));
        }

        public static IDictionary<string, string> DecodeStates(string header)
        {
            var obj = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(Encoding.UTF8.GetString(Convert.FromBase64String(header)))!;
            var result = new Dictionary<string, string>();
            foreach (var pair in obj)
            {
                result[pair.Key] = Encoding.UTF8.GetString(Convert.FromBase64String(pair.Value));
            }
            return result;
        }
    }
}
