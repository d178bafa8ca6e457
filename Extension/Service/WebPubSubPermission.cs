namespace Azure.Messaging.WebPubSub
{
    /// <summary>
    /// A permission a connection can be granted on a group. Lives in this namespace because upstream's public
    /// API (grant/revoke actions) uses the type from the Azure.Messaging.WebPubSub client package.
    /// </summary>
    public enum WebPubSubPermission
    {
        /// <summary>Publish messages to a group (<c>sendToGroup</c>).</summary>
        SendToGroup = 1,

        /// <summary>Join and leave a group (<c>joinLeaveGroup</c>).</summary>
        JoinLeaveGroup = 2,
    }
}
