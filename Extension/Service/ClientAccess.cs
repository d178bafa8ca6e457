using System;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>What negotiate returns: the client URL with its token, the URL without it, and the bare token.</summary>
    internal readonly struct ClientAccess
    {
        public ClientAccess(Uri baseUri, Uri uri, string token)
        {
            BaseUri = baseUri;
            Uri = uri;
            Token = token;
        }

        public Uri BaseUri { get; }

        public Uri Uri { get; }

        public string Token { get; }

        /// <summary>Never prints the token.</summary>
        public override string ToString() => BaseUri.ToString();
    }
}
