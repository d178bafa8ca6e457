namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>Header names of the Web PubSub CloudEvents webhook protocol.</summary>
    internal static class WebPubSubHeaders
    {
        public const string RequestOrigin = "WebHook-Request-Origin";
        public const string AllowedOrigin = "WebHook-Allowed-Origin";
        public const string Type = "ce-type";
        public const string Hub = "ce-hub";
        public const string ConnectionId = "ce-connectionId";
        public const string EventName = "ce-eventName";
        public const string Signature = "ce-signature";
        public const string UserId = "ce-userId";
        public const string Subprotocol = "ce-subprotocol";
        public const string ConnectionState = "ce-connectionState";
        public const string PhysicalConnectionId = "ce-physicalConnectionId";
        public const string SessionId = "ce-sessionId";
    }
}
