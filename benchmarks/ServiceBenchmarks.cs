using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks
{
    /// <summary>The hot paths: negotiate (client token/URI), one signed REST call, upstream signature check.</summary>
    [MemoryDiagnoser]
    public class ServiceBenchmarks
    {
        private const string Key = "benchmark-access-key-0123456789abcdefghij";
        private const string ConnectionId = "0f9c97a2f0bf4706afe87a14e0797b11";

        private static readonly string[] Roles = { "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup" };
        private static readonly string[] Groups = { "room1" };

        private WebPubSubServiceClient _client = null!;
        private AccessKey _accessKey = null!;
        private BinaryData _payload = null!;
        private string _signatureHeader = null!;

        [GlobalSetup]
        public void Setup()
        {
            WebPubSubServiceAccess access = ConnectionStringParser.Parse($"Endpoint=https://bench.webpubsub.azure.com;AccessKey={Key};Version=1.0;");
            _client = new WebPubSubServiceClient(access, "chat", new WebPubSubServiceClientOptions { Transport = new NoopTransport() });
            _accessKey = access.AccessKey!;
            _payload = BinaryData.FromString("hello world");
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("secondary-key"));
            string secondary = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(ConnectionId))).ToLowerInvariant();
            // Ours second: the worst case, both entries decoded and compared.
            _signatureHeader = "sha256=" + secondary + ",sha256=" + Convert.ToHexString(_accessKey.ComputeHmac(Encoding.UTF8.GetBytes(ConnectionId))).ToLowerInvariant();
        }

        [Benchmark]
        public Task<Uri> ClientAccessUri() => _client.GetClientAccessUriAsync("user-1", Roles, Groups);

        [Benchmark]
        public Task SignedSendToGroup() => _client.SendToGroupAsync("room 1", _payload, WebPubSubContentTypes.Text);

        [Benchmark]
        public bool SignatureCheck() => _accessKey.SignatureMatches(ConnectionId, _signatureHeader);
    }
}
