using System;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>Where the service is (<see cref="Endpoint"/>, port applied) and how to authenticate to it.</summary>
    internal sealed class WebPubSubServiceAccess
    {
        public WebPubSubServiceAccess(Uri endpoint, WebPubSubCredential credential)
        {
            Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
            Credential = credential ?? throw new ArgumentNullException(nameof(credential));
        }

        public Uri Endpoint { get; }

        public WebPubSubCredential Credential { get; }

        /// <summary>The access key when the connection has one, else null.</summary>
        public AccessKey? AccessKey => (Credential as AccessKeyCredential)?.AccessKey;

        public bool CanValidateSignature => Credential.CanValidateSignature;

        public override string ToString() => "WebPubSubServiceAccess(" + Endpoint.AbsoluteUri + ", " + Credential + ")";
    }
}
