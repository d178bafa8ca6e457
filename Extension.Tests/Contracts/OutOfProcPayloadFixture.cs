using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Contracts
{
    /// <summary>
    /// Drives the captured event kinds (reference: functions-host-contracts.md §3) through a real JobHost with
    /// <see cref="PayloadCaptureFunctions"/> and keeps what the Functions host would hold for each invocation.
    /// </summary>
    internal sealed class OutOfProcPayloadFixture
    {
        // The states of the capture's connected event: {"n":0} as JSON, and a plain-text state.
        public const string VisitsJson = "{\"n\":0}";
        public const string Note = "plain text";

        // The capture's binary message: FF is not UTF-8, so as text it would arrive as U+FFFD.
        public static readonly byte[] BinaryBytes = { 0x01, 0x02, 0x03, 0xFF };

        private readonly WebPubSubTestHost _host;

        private OutOfProcPayloadFixture(WebPubSubTestHost host) => _host = host;

        public PayloadRecorder Recorder => _host.Services.GetRequiredService<PayloadRecorder>();

        public static async Task<OutOfProcPayloadFixture> StartAsync()
        {
            var host = await WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = ConnectionString },
                s => s.AddSingleton<PayloadRecorder>().AddSingleton<PayloadCaptureFunctions>(),
                typeof(PayloadCaptureFunctions)).ConfigureAwait(false);
            var fixture = new OutOfProcPayloadFixture(host);
            foreach (var request in Requests())
            {
                using var response = await host.SendAsync(request).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
            }
            return fixture;
        }

        public HostInvocation Invocation(string function) => Recorder.Invocations[function];

        /// <summary>The parameter type WebJobs gives a script input binding, as the Functions host asks for it.</summary>
        public System.Type ScriptDefaultType(System.Attribute attribute, System.Type requestedType)
        {
#pragma warning disable CS0618 // The Functions host types script bindings through this very service.
            var metadata = _host.Services.GetRequiredService<IJobHostMetadataProvider>();
#pragma warning restore CS0618
            return metadata.GetDefaultType(attribute, System.IO.FileAccess.Read, requestedType);
        }

        public ValueTask DisposeAsync() => _host.DisposeAsync();

        private static IEnumerable<HttpRequestMessage> Requests()
        {
            const string hub = PayloadCaptureFunctions.Hub;
            const string mqttHub = PayloadCaptureFunctions.MqttHub;
            yield return Connect(hub, ConnectBody);
            yield return Connected(hub, States());
            yield return User(hub, "message", Encoding.UTF8.GetBytes("hello-text"), "text/plain; charset=utf-8", States());
            yield return User(hub, "binary", BinaryBytes, "application/octet-stream");
            yield return User(hub, "binary-utf8", Encoding.UTF8.GetBytes("bytes-that-are-text"), "application/octet-stream");
            yield return Disconnected(hub, "Application server closed the connection. Reason: bye-conn");
            yield return Event(hub, "azure.webpubsub.gp.joined", "joined", Json("{\"group\":\"g1\"}"));
            yield return Connect(mqttHub, MqttConnectBody, MqttHeaders());
            yield return Event(mqttHub, "azure.webpubsub.sys.disconnected", "disconnected", Json(MqttDisconnectedBody), headers: MqttHeaders());
        }

        public const string ConnectBody =
            "{\"claims\":{\"aud\":[\"http://127.0.0.1:38519/client/hubs/cap\"],\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier\":[\"u1\"]}," +
            "\"query\":{\"q\":[\"1\"]},\"headers\":{\"Connection\":[\"Upgrade\"],\"Sec-WebSocket-Protocol\":[\"json.reliable.webpubsub.azure.v1\"]}," +
            "\"subprotocols\":[\"json.reliable.webpubsub.azure.v1\"],\"clientCertificates\":[{\"thumbprint\":\"abc\",\"content\":\"pem\"}]}";

        public const string MqttConnectBody =
            "{\"claims\":{},\"query\":{},\"headers\":{},\"subprotocols\":[\"mqtt\"],\"clientCertificates\":[]," +
            "\"mqtt\":{\"protocolVersion\":4,\"username\":\"mq\",\"password\":\"cGFzcw==\",\"userProperties\":[{\"name\":\"a\",\"value\":\"b\"}]}}";

        public const string MqttDisconnectedBody =
            "{\"reason\":\"bye\",\"mqtt\":{\"initiatedByClient\":true,\"disconnectPacket\":{\"code\":0,\"userProperties\":[{\"name\":\"k\",\"value\":\"v\"}]}}}";

        private static Dictionary<string, string?> States() => new()
        {
            ["ce-connectionState"] = EncodeStates(new Dictionary<string, string> { ["visits"] = VisitsJson, ["note"] = Note }),
        };

        private static Dictionary<string, string?> MqttHeaders() => new()
        {
            ["ce-subprotocol"] = "mqtt",
            ["ce-physicalConnectionId"] = "phys-1",
        };
    }
}
