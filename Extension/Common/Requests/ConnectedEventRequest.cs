namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>The <c>connected</c> notification: the connection is established.</summary>
    public class ConnectedEventRequest : WebPubSubEventRequest
    {
        public ConnectedEventRequest(WebPubSubConnectionContext context)
            : base(context)
        {
        }
    }
}
