namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>Hands out cached clients so bindings do not rebuild pipelines (or token caches) per invocation.</summary>
    internal interface IWebPubSubServiceClientFactory
    {
        WebPubSubServiceClient GetClient(WebPubSubServiceAccess access, string hub);
    }
}
