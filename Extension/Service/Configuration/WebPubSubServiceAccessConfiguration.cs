using System;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// Reads a connection from a configuration section: the section value is a connection string (wins); else a
    /// <c>serviceUri</c> child means identity-based access with the credential described by the same section
    /// (<c>credential</c>, <c>clientId</c>, <c>tenantId</c>, ...).
    /// </summary>
    internal static class WebPubSubServiceAccessConfiguration
    {
        public const string ServiceUriKey = "serviceUri";

        /// <summary>Whether the section holds a connection, without building credentials (cheap; for indexing checks).</summary>
        public static bool CanCreate(IConfigurationSection? section)
            => section != null && (!string.IsNullOrEmpty(section.Value) || !string.IsNullOrEmpty(section[ServiceUriKey]));

        /// <summary>
        /// False when the section holds no connection. A present but malformed connection throws
        /// <see cref="ArgumentException"/> rather than looking "not configured". <paramref name="tokenTimeout"/> bounds
        /// each token request of an identity-based connection (default <see cref="IdentityCredential.DefaultTokenTimeout"/>).
        /// </summary>
        public static bool TryCreate(IConfigurationSection? section, AzureComponentFactory factory, out WebPubSubServiceAccess? access, TimeSpan? tokenTimeout = null)
        {
            if (factory is null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            access = null;
            if (section is null)
            {
                return false;
            }

            if (!string.IsNullOrEmpty(section.Value))
            {
                access = ConnectionStringParser.Parse(section.Value!);
                return true;
            }

            string? serviceUri = section[ServiceUriKey];
            if (string.IsNullOrEmpty(serviceUri))
            {
                return false;
            }

            Uri endpoint = ConnectionStringParser.ParseEndpoint(serviceUri!.TrimEnd('/'));
            var credential = new IdentityCredential(factory.CreateTokenCredential(section), tokenTimeout, section.Path);
            access = new WebPubSubServiceAccess(endpoint, credential);
            return true;
        }
    }
}
