using System.Collections.Generic;
using System.Text.Json.Serialization;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>The JSON body of a <c>connect</c> event (the CloudEvents headers carry the rest).</summary>
    internal sealed class ConnectEventBody
    {
        [JsonPropertyName("claims")]
        public Dictionary<string, string[]>? Claims { get; set; }

        [JsonPropertyName("query")]
        public Dictionary<string, string[]>? Query { get; set; }

        [JsonPropertyName("headers")]
        public Dictionary<string, string[]>? Headers { get; set; }

        [JsonPropertyName("subprotocols")]
        public string[]? Subprotocols { get; set; }

        [JsonPropertyName("clientCertificates")]
        public WebPubSubClientCertificate[]? ClientCertificates { get; set; }

        [JsonPropertyName("mqtt")]
        public MqttConnectProperties? Mqtt { get; set; }
    }

    /// <summary>The JSON body of a <c>disconnected</c> event.</summary>
    internal sealed class DisconnectedEventBody
    {
        [JsonPropertyName("reason")]
        public string? Reason { get; set; }

        [JsonPropertyName("mqtt")]
        public MqttDisconnectedEventRequestProperties? Mqtt { get; set; }
    }

    /// <summary>The JSON body of group presence events.</summary>
    internal sealed class GroupEventBody
    {
        [JsonPropertyName("group")]
        public string? Group { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
    [JsonSerializable(typeof(ConnectEventBody))]
    [JsonSerializable(typeof(DisconnectedEventBody))]
    [JsonSerializable(typeof(GroupEventBody))]
    internal sealed partial class PipelineJsonContext : JsonSerializerContext
    {
    }
}
