using System;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// Signs every attempt with a fresh HS256 JWT whose <c>aud</c> is the exact URL put on the wire. A per-retry
    /// policy, so retries and followed <c>nextLink</c>s get a token for their own URL and a fresh expiry.
    /// </summary>
    internal sealed class AccessKeyAuthenticationPolicy : HttpPipelineSynchronousPolicy
    {
        private readonly AccessKey _key;
        private readonly TimeSpan _lifetime;

        public AccessKeyAuthenticationPolicy(AccessKey key, TimeSpan lifetime)
        {
            _key = key ?? throw new ArgumentNullException(nameof(key));
            _lifetime = lifetime;
        }

        public override void OnSendingRequest(HttpMessage message)
        {
            // The transport sends ToUri(); AbsoluteUri of that same Uri is the byte-exact form of what it sends.
            string audience = message.Request.Uri.ToUri().AbsoluteUri;
            string header = HmacJwt.Create(_key, new JwtClaims(audience, DateTimeOffset.UtcNow, _lifetime), "Bearer ");
            message.Request.Headers.SetValue(HttpHeader.Names.Authorization, header);
        }
    }
}
