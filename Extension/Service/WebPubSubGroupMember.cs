namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>One connection listed by <c>GET .../groups/{group}/connections</c>.</summary>
    internal sealed class WebPubSubGroupMember
    {
        public WebPubSubGroupMember(string connectionId, string? userId)
        {
            ConnectionId = connectionId;
            UserId = userId;
        }

        public string ConnectionId { get; }

        public string? UserId { get; }
    }
}
