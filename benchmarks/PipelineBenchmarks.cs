using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks
{
    /// <summary>
    /// The webhook hot path without the function itself: CloudEvents headers, signature, body, and the answer
    /// (with connection states) for a connect event and a user event.
    /// </summary>
    [MemoryDiagnoser]
    public class PipelineBenchmarks
    {
        private const string Key = "benchmark-access-key-0123456789abcdefghij";
        private const string ConnectionId = "0f9c97a2f0bf4706afe87a14e0797b11";
        private const string ConnectBody = "{\"claims\":{\"sub\":[\"user-1\"],\"role\":[\"webpubsub.joinLeaveGroup\"]},\"query\":{\"access_token\":[\"x\"]}," +
            "\"headers\":{\"Host\":[\"bench.webpubsub.azure.com\"]},\"subprotocols\":[\"json.webpubsub.azure.v1\"],\"clientCertificates\":[]}";

        private RequestValidator _validator = null!;
        private string _signature = null!;
        private UserEventResponse _userResponse = null!;
        private UserEventRequest _userRequest = null!;

        [GlobalSetup]
        public void Setup()
        {
            _validator = new RequestValidator(new[] { ConnectionStringParser.Parse($"Endpoint=https://bench.webpubsub.azure.com;AccessKey={Key};Version=1.0;") });
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Key));
            _signature = "sha256=" + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(ConnectionId))).ToLowerInvariant();
            var context = new WebPubSubConnectionContext(WebPubSubEventType.User, "message", "chat", ConnectionId, "user-1",
                connectionStates: new Dictionary<string, BinaryData> { ["name"] = BinaryData.FromString("\"ann\"") });
            _userRequest = new UserEventRequest(context, BinaryData.FromString("hello"), WebPubSubDataType.Text);
            _userResponse = _userRequest.CreateResponse("pong");
            _userResponse.SetState("counter", BinaryData.FromString("2"));
        }

        private HttpRequestMessage Request(string type, string eventName, HttpContent content)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/runtime/webhooks/webpubsub") { Content = content };
            request.Headers.TryAddWithoutValidation("WebHook-Request-Origin", "bench.webpubsub.azure.com");
            request.Headers.TryAddWithoutValidation("ce-type", type);
            request.Headers.TryAddWithoutValidation("ce-hub", "chat");
            request.Headers.TryAddWithoutValidation("ce-connectionId", ConnectionId);
            request.Headers.TryAddWithoutValidation("ce-eventName", eventName);
            request.Headers.TryAddWithoutValidation("ce-userId", "user-1");
            request.Headers.TryAddWithoutValidation("ce-signature", _signature);
            return request;
        }

        [Benchmark]
        public async Task<WebPubSubEventRequest?> ParseConnect()
        {
            var request = new HttpRequestMessageAdapter(Request("azure.webpubsub.sys.connect", "connect", new StringContent(ConnectBody, Encoding.UTF8, "application/json")));
            var headers = CloudEventsParser.Parse(request);
            SignatureValidation.Validate(_validator, headers);
            return await EventRequestReader.ReadAsync(request, headers, CancellationToken.None);
        }

        [Benchmark]
        public async Task<WebPubSubEventRequest?> ParseUserEvent()
        {
            var request = new HttpRequestMessageAdapter(Request("azure.webpubsub.user.message", "message", new StringContent("hello", Encoding.UTF8, "text/plain")));
            var headers = CloudEventsParser.Parse(request);
            SignatureValidation.Validate(_validator, headers);
            return await EventRequestReader.ReadAsync(request, headers, CancellationToken.None);
        }

        [Benchmark]
        public HttpResponseMessage WriteUserResponseWithStates() => EventResponseWriter.Write(RequestKind.User, _userRequest, _userResponse);
    }
}
