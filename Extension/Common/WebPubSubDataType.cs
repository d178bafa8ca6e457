namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>The kind of payload carried by a user event or its response.</summary>
    public enum WebPubSubDataType
    {
        Binary = 0,
        Json = 1,
        Text = 2,
    }
}
