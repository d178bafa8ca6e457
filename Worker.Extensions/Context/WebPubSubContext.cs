using System.Collections.Generic;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>The request of a <see cref="WebPubSubContextInputAttribute"/> binding and the answer the host prepared.</summary>
    [InputConverter(typeof(WebPubSubInputConverter))]
    [JsonConverter(typeof(WebPubSubContextJsonConverter))]
    public sealed class WebPubSubContext
    {
        /// <summary>The event; its type follows the event (<see cref="PreflightRequest"/> for the handshake).</summary>
        public WebPubSubEventRequest? Request { get; set; }

        /// <summary>The answer to send: the handshake's headers, or the validation error.</summary>
        public WebPubSubSimpleResponse Response { get; set; } = new();

        public string? ErrorMessage { get; set; }

        public bool HasError { get; set; }

        public bool IsPreflight { get; set; }
    }

    public sealed class WebPubSubSimpleResponse
    {
        [JsonPropertyName("body")]
        public string? Body { get; set; }

        [JsonPropertyName("headers")]
        public Dictionary<string, string[]> Headers { get; set; } = new();

        [JsonPropertyName("status")]
        public int Status { get; set; } = 200;
    }
}
