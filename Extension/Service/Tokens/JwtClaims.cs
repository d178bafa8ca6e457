using System;
using System.Collections.Generic;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>The claims this library puts into HS256 tokens (REST calls and client access).</summary>
    internal readonly struct JwtClaims
    {
        public JwtClaims(string audience, DateTimeOffset issuedAt, TimeSpan lifetime, string? subject = null, IEnumerable<string>? roles = null, IEnumerable<string>? groups = null)
        {
            Audience = audience ?? throw new ArgumentNullException(nameof(audience));
            IssuedAt = issuedAt;
            Lifetime = lifetime;
            Subject = subject;
            Roles = roles;
            Groups = groups;
        }

        public string Audience { get; }

        public DateTimeOffset IssuedAt { get; }

        public TimeSpan Lifetime { get; }

        public string? Subject { get; }

        public IEnumerable<string>? Roles { get; }

        public IEnumerable<string>? Groups { get; }
    }
}
