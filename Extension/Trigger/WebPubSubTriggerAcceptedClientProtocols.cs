namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>The client protocols a <see cref="WebPubSubTriggerAttribute"/> function accepts events from.</summary>
    public enum WebPubSubTriggerAcceptedClientProtocols
    {
        /// <summary>Every client protocol.</summary>
        All = 0,

        /// <summary>Web PubSub clients (WebSocket, simple or subprotocol).</summary>
        WebPubSub = 1,

        /// <summary>MQTT clients.</summary>
        Mqtt = 2,
    }
}
