using System;
using Azure.Core;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>Microsoft Entra auth (identity-based connection, <c>serviceUri</c>).</summary>
    internal sealed class IdentityCredential : WebPubSubCredential
    {
        public IdentityCredential(TokenCredential tokenCredential)
        {
            TokenCredential = tokenCredential ?? throw new ArgumentNullException(nameof(tokenCredential));
        }

        public TokenCredential TokenCredential { get; }

        // The service signs upstream requests with its access keys, which an identity connection does not know.
        public override bool CanValidateSignature => false;

        public override string ToString() => "IdentityCredential(" + TokenCredential.GetType().Name + ")";
    }
}
