namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>The payload types the service accepts for sends (the Content-Type picks the frame type clients get).</summary>
    internal static class WebPubSubContentTypes
    {
        public const string Text = "text/plain";
        public const string Json = "application/json";
        public const string Binary = "application/octet-stream";
    }
}
