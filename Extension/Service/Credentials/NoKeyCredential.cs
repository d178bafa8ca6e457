namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// A connection string without <c>AccessKey</c> (local auth disabled on the resource). Good enough for the
    /// endpoint/origin of upstream requests; REST calls and local tokens are impossible and fail clearly.
    /// </summary>
    internal sealed class NoKeyCredential : WebPubSubCredential
    {
        public override bool CanValidateSignature => false;

        public override string ToString() => "NoKeyCredential";
    }
}
