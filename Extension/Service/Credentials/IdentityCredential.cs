using System;
using System.Threading;
using Azure.Core;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>Microsoft Entra auth (identity-based connection, <c>serviceUri</c>).</summary>
    internal sealed class IdentityCredential : WebPubSubCredential
    {
        /// <summary>How long a token may take when nothing else is configured (host.json <c>tokenTimeout</c>).</summary>
        public static readonly TimeSpan DefaultTokenTimeout = TimeSpan.FromSeconds(10);

        /// <param name="tokenCredential">The credential as configured.</param>
        /// <param name="tokenTimeout">The deadline for each token; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
        /// <param name="connectionName">The connection's name, for the timeout's message.</param>
        public IdentityCredential(TokenCredential tokenCredential, TimeSpan? tokenTimeout = null, string connectionName = WebPubSubSettingNames.DefaultConnection)
        {
            TokenCredential = tokenCredential ?? throw new ArgumentNullException(nameof(tokenCredential));
            TimeSpan timeout = tokenTimeout ?? DefaultTokenTimeout;
            PipelineCredential = timeout == Timeout.InfiniteTimeSpan
                ? tokenCredential
                : new BoundedTokenCredential(tokenCredential, timeout, connectionName);
        }

        /// <summary>The credential as configured.</summary>
        public TokenCredential TokenCredential { get; }

        /// <summary>What the HTTP pipeline asks for tokens: <see cref="TokenCredential"/> within its deadline.</summary>
        public TokenCredential PipelineCredential { get; }

        // The service signs upstream requests with its access keys, which an identity connection does not know.
        public override bool CanValidateSignature => false;

        public override string ToString() => "IdentityCredential(" + TokenCredential.GetType().Name + ")";
    }
}
