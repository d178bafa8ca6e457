using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>The kind of event a trigger handles (names on the wire; numbers are accepted too).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public enum WebPubSubEventType
    {
        System = 0,
        User = 1,
        /// <summary>Group presence events (<c>joined</c>, <c>left</c>); beyond upstream's worker package.</summary>
        GroupPresence = 2,
    }

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public enum WebPubSubDataType
    {
        Binary = 0,
        Json = 1,
        Text = 2,
    }

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public enum WebPubSubErrorCode
    {
        Unauthorized = 0,
        UserError = 1,
        ServerError = 2,
    }

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public enum WebPubSubPermission
    {
        SendToGroup = 1,
        JoinLeaveGroup = 2,
    }

    /// <summary>The client protocol a negotiated URL is for (beyond upstream's worker package).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public enum WebPubSubClientProtocol
    {
        Default = 0,
        Mqtt = 1,
        SocketIO = 2,
    }

    /// <summary>Which client protocols a trigger accepts events from (beyond upstream's worker package).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public enum WebPubSubTriggerAcceptedClientProtocols
    {
        All = 0,
        WebPubSub = 1,
        Mqtt = 2,
    }
}
