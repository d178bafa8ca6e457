namespace Azure.Messaging.WebPubSub
{
    /// <summary>
    /// The protocol a client connects with; picks the client endpoint path and the token audience.
    /// Lives in this namespace because upstream's public API (<c>WebPubSubConnectionAttribute.ClientProtocol</c>)
    /// uses the type from the Azure.Messaging.WebPubSub client package.
    /// </summary>
    public enum WebPubSubClientProtocol
    {
        /// <summary>WebSocket clients: <c>/client/hubs/{hub}</c>.</summary>
        Default = 0,

        /// <summary>MQTT clients: <c>/clients/mqtt/hubs/{hub}</c>.</summary>
        Mqtt = 1,

        /// <summary>Socket.IO clients: <c>/clients/socketio/hubs/{hub}</c>.</summary>
        SocketIO = 2,
    }
}
