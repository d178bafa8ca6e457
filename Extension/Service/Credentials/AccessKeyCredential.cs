using System;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>Local auth: REST calls and client tokens are HS256 JWTs signed with the access key.</summary>
    internal sealed class AccessKeyCredential : WebPubSubCredential
    {
        public AccessKeyCredential(AccessKey accessKey)
        {
            AccessKey = accessKey ?? throw new ArgumentNullException(nameof(accessKey));
        }

        public AccessKey AccessKey { get; }

        public override bool CanValidateSignature => true;

        public override string ToString() => "AccessKeyCredential(***)";
    }
}
