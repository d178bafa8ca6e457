namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Error categories an event handler can answer with; they decide the HTTP status (401/400/500).</summary>
    public enum WebPubSubErrorCode
    {
        Unauthorized = 0,
        UserError = 1,
        ServerError = 2,
    }
}
