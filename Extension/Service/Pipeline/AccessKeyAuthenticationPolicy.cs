using System;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// Signs every attempt with an HS256 JWT whose <c>aud</c> is the exact URL put on the wire. A per-retry policy, so
    /// retries and followed <c>nextLink</c>s get a token for their own URL.
    /// </summary>
    /// <remarks>
    /// Signing costs an HMAC, a JSON payload and a few strings, and an output binding repeats the same URL for every
    /// message (a hub-wide send, the same group), so the header is kept per URL and reused while at least half of
    /// its lifetime is left: a token on the wire always has that much time left, whatever the retries wait.
    /// </remarks>
    internal sealed class AccessKeyAuthenticationPolicy : HttpPipelineSynchronousPolicy
    {
        /// <summary>
        /// Bounds the cache: the URLs an app repeats are few, while per-connection or per-user URLs can be unbounded,
        /// so past this many the cache starts over instead of growing.
        /// </summary>
        internal const int MaxCachedUrls = 256;

        private readonly AccessKey _key;
        private readonly TimeSpan _lifetime;
        private readonly TimeSpan _reuseFor;
        private readonly Func<DateTimeOffset> _clock;
        private readonly BoundedCache<SignedHeader> _headers = new(MaxCachedUrls);

        public AccessKeyAuthenticationPolicy(AccessKey key, TimeSpan lifetime)
            : this(key, lifetime, () => DateTimeOffset.UtcNow)
        {
        }

        internal AccessKeyAuthenticationPolicy(AccessKey key, TimeSpan lifetime, Func<DateTimeOffset> clock)
        {
            _key = key ?? throw new ArgumentNullException(nameof(key));
            _lifetime = lifetime;
            _reuseFor = TimeSpan.FromTicks(lifetime.Ticks / 2);
            _clock = clock;
        }

        internal int CachedUrlCount => _headers.Count;

        public override void OnSendingRequest(HttpMessage message)
        {
            // The transport sends ToUri(); AbsoluteUri of that same Uri is the byte-exact form of what it sends.
            string audience = message.Request.Uri.ToUri().AbsoluteUri;
            message.Request.Headers.SetValue(HttpHeader.Names.Authorization, GetHeader(audience));
        }

        internal string GetHeader(string audience)
        {
            DateTimeOffset now = _clock();
            if (_headers.Get(audience) is { } cached && now >= cached.IssuedAt && now < cached.RenewAt)
            {
                return cached.Value;
            }

            var signed = new SignedHeader(HmacJwt.Create(_key, new JwtClaims(audience, now, _lifetime), "Bearer "), now, now + _reuseFor);
            _headers.Set(audience, signed);
            return signed.Value;
        }

        private sealed class SignedHeader
        {
            public SignedHeader(string value, DateTimeOffset issuedAt, DateTimeOffset renewAt)
            {
                Value = value;
                IssuedAt = issuedAt;
                RenewAt = renewAt;
            }

            public string Value { get; }

            public DateTimeOffset IssuedAt { get; }

            public DateTimeOffset RenewAt { get; }
        }
    }
}
