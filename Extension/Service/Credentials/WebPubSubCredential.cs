namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// How the extension authenticates to a Web PubSub resource. Compared by reference: the client cache keys on
    /// the instance, so parse a connection once and reuse the access object.
    /// </summary>
    internal abstract class WebPubSubCredential
    {
        private protected WebPubSubCredential()
        {
        }

        /// <summary>True when upstream <c>ce-signature</c> headers can be checked (an access key is known).</summary>
        public abstract bool CanValidateSignature { get; }
    }
}
