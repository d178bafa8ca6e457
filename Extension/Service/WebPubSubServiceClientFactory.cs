using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Azure.Core.Pipeline;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// One client per (endpoint, hub ignoring case, credential instance) and one pipeline per credential instance,
    /// shared by all hubs and endpoints using it (auth depends only on the credential; the JWT audience comes from
    /// each request URL). Credentials are compared by reference, so callers should create an access object once
    /// per configured connection; each distinct instance stays cached for the factory's lifetime.
    /// </summary>
    internal sealed class WebPubSubServiceClientFactory : IWebPubSubServiceClientFactory
    {
        private readonly WebPubSubServiceClientOptions _options;
        private readonly ConcurrentDictionary<WebPubSubCredential, HttpPipeline> _pipelines = new(ReferenceComparer.Instance);
        private readonly ConcurrentDictionary<ClientKey, WebPubSubServiceClient> _clients = new();

        public WebPubSubServiceClientFactory()
            : this(new WebPubSubServiceClientOptions())
        {
        }

        /// <summary><paramref name="options"/> (transport, retry, scope) apply to every pipeline this factory builds.</summary>
        public WebPubSubServiceClientFactory(WebPubSubServiceClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
        }

        public WebPubSubServiceClient GetClient(WebPubSubServiceAccess access, string hub)
        {
            if (access is null)
            {
                throw new ArgumentNullException(nameof(access));
            }

            Argument.NotNullOrEmpty(hub, nameof(hub));
            var key = new ClientKey(access.Endpoint, hub, access.Credential);
            if (_clients.TryGetValue(key, out WebPubSubServiceClient? client))
            {
                return client;
            }

            HttpPipeline pipeline = _pipelines.GetOrAdd(access.Credential, c => WebPubSubPipeline.Create(c, _options));
            // A race may build two clients; both are cheap and GetOrAdd keeps one, so callers always share it.
            return _clients.GetOrAdd(key, k => new WebPubSubServiceClient(access, hub, pipeline));
        }

        private readonly struct ClientKey : IEquatable<ClientKey>
        {
            private readonly Uri _endpoint;
            private readonly string _hub;
            private readonly WebPubSubCredential _credential;

            public ClientKey(Uri endpoint, string hub, WebPubSubCredential credential)
            {
                _endpoint = endpoint;
                _hub = hub;
                _credential = credential;
            }

            public bool Equals(ClientKey other)
                => ReferenceEquals(_credential, other._credential)
                && StringComparer.OrdinalIgnoreCase.Equals(_hub, other._hub)
                && _endpoint.Equals(other._endpoint);

            public override bool Equals(object? obj) => obj is ClientKey other && Equals(other);

            public override int GetHashCode()
            {
                unchecked
                {
                    int hash = RuntimeHelpers.GetHashCode(_credential);
                    hash = (hash * 31) + StringComparer.OrdinalIgnoreCase.GetHashCode(_hub);
                    return (hash * 31) + _endpoint.GetHashCode();
                }
            }
        }

        private sealed class ReferenceComparer : IEqualityComparer<WebPubSubCredential>
        {
            public static readonly ReferenceComparer Instance = new();

            public bool Equals(WebPubSubCredential? x, WebPubSubCredential? y) => ReferenceEquals(x, y);

            public int GetHashCode(WebPubSubCredential obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
