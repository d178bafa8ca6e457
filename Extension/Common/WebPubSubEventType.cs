namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Category of a CloudEvent sent by the service.</summary>
    public enum WebPubSubEventType
    {
        System = 0,
        User = 1,
        GroupPresence = 2,
    }
}
