using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>What a client needs to connect: the client URL with its access token.</summary>
    [JsonObject(NamingStrategyType = typeof(CamelCaseNamingStrategy))]
    public class WebPubSubConnection
    {
        /// <param name="uri">The full client URL, <c>wss://host/client/hubs/hub?access_token=...</c>.</param>
        public WebPubSubConnection(Uri uri)
        {
            Uri = uri ?? throw new ArgumentNullException(nameof(uri));
            BaseUri = new Uri(uri.GetLeftPart(UriPartial.Path));
            AccessToken = ReadAccessToken(uri);
        }

        /// <summary>The parts as the service client built them: nothing is parsed back out of the URL.</summary>
        internal WebPubSubConnection(Uri baseUri, Uri uri, string accessToken)
        {
            BaseUri = baseUri;
            Uri = uri;
            AccessToken = accessToken;
        }

        /// <summary>The client URL without its query.</summary>
        [JsonProperty("baseUrl")]
        public Uri BaseUri { get; }

        /// <summary>The client URL with the access token.</summary>
        [JsonProperty("url")]
        public Uri Uri { get; }

        /// <summary>The client access token.</summary>
        public string AccessToken { get; }

        /// <summary>Never prints the token.</summary>
        public override string ToString() => BaseUri.ToString();

        private static string ReadAccessToken(Uri uri)
        {
            var query = uri.Query.TrimStart('?');
            foreach (var pair in query.Split('&'))
            {
                var separator = pair.IndexOf('=');
                if (separator > 0 && pair.Substring(0, separator) == "access_token")
                {
                    return Uri.UnescapeDataString(pair.Substring(separator + 1));
                }
            }
            return null!;
        }
    }
}
