using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks.Host
{
    /// <summary>Webhook requests as the service sends them: binary-mode CloudEvents, signed with the access key.</summary>
    internal sealed class SignedEvents
    {
        private const string ConnectionId = "0f9c97a2f0bf4706afe87a14e0797b11";
        private readonly string _origin;
        private readonly string _signature;

        public SignedEvents(string origin, string accessKey)
        {
            _origin = origin;
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(accessKey));
            _signature = "sha256=" + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(ConnectionId))).ToLowerInvariant();
        }

        public HttpRequestMessage User(byte[] body, string mediaType) =>
            Event("azure.webpubsub.user.message", "message", Content(body, mediaType));

        public HttpRequestMessage Connect(byte[] body) =>
            Event("azure.webpubsub.sys.connect", "connect", Content(body, "application/json"));

        /// <summary>
        /// As the Functions host hands the request over (HttpRequestMessageFeature): the body as a stream, and
        /// Content-Type and Content-Length added as text without validation.
        /// </summary>
        private static StreamContent Content(byte[] body, string mediaType)
        {
            var content = new StreamContent(new MemoryStream(body, writable: false)); // wraps the array: no copy
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
            content.Headers.TryAddWithoutValidation("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture));
            return content;
        }

        private HttpRequestMessage Event(string type, string eventName, HttpContent content)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/runtime/webhooks/webpubsub") { Content = content };
            var headers = request.Headers;
            headers.TryAddWithoutValidation("WebHook-Request-Origin", _origin);
            headers.TryAddWithoutValidation("ce-specversion", "1.0");
            headers.TryAddWithoutValidation("ce-awpsversion", "1.0");
            headers.TryAddWithoutValidation("ce-type", type);
            headers.TryAddWithoutValidation("ce-source", "/hubs/bench/client/" + ConnectionId);
            headers.TryAddWithoutValidation("ce-id", "1");
            headers.TryAddWithoutValidation("ce-time", "2026-12-01T00:00:00Z");
            headers.TryAddWithoutValidation("ce-hub", BenchmarkFunctions.Hub);
            headers.TryAddWithoutValidation("ce-connectionId", ConnectionId);
            headers.TryAddWithoutValidation("ce-eventName", eventName);
            headers.TryAddWithoutValidation("ce-userId", "user-1");
            headers.TryAddWithoutValidation("ce-signature", _signature);
            return request;
        }
    }
}
