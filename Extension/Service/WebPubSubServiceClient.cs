using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// Data-plane REST client for one hub (api-version 2024-12-01). Thread-safe and meant to be cached
    /// (see <see cref="WebPubSubServiceClientFactory"/>). Any 2xx is success; anything else throws
    /// <see cref="RequestFailedException"/> with the service's error code and message.
    /// Methods are virtual so binding code can be tested with a subclass.
    /// </summary>
    internal partial class WebPubSubServiceClient
    {
        private readonly HttpPipeline _pipeline;
        private readonly WebPubSubCredential _credential;
        private readonly string _scheme;
        private readonly string _host;
        private readonly int _port;
        private readonly string _hubPath;   // "<base path>/api/hubs/<escaped hub>"
        private readonly string _healthPath;
        private readonly BoundedCache<Uri> _hubUris = new(MaxCachedHubUris);

        /// <summary>Hub-relative paths whose URL is kept (see <see cref="CreateHubMessage"/>).</summary>
        internal const int MaxCachedHubUris = 256;

        internal int CachedHubUriCount => _hubUris.Count;

        public WebPubSubServiceClient(WebPubSubServiceAccess access, string hub, WebPubSubServiceClientOptions? options = null)
            : this(access, hub, WebPubSubPipeline.Create((access ?? throw new ArgumentNullException(nameof(access))).Credential, options ?? new WebPubSubServiceClientOptions()))
        {
        }

        /// <summary>Uses a pipeline shared with other clients of the same credential (built by <see cref="WebPubSubPipeline"/>).</summary>
        public WebPubSubServiceClient(WebPubSubServiceAccess access, string hub, HttpPipeline pipeline)
        {
            if (access is null)
            {
                throw new ArgumentNullException(nameof(access));
            }

            Hub = Argument.NotNullOrEmpty(hub, nameof(hub));
            _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
            Endpoint = access.Endpoint;
            _credential = access.Credential;

            _scheme = Endpoint.Scheme;
            _host = Endpoint.Host;
            _port = Endpoint.Port;
            string basePath = Endpoint.AbsolutePath.TrimEnd('/');
            _hubPath = basePath + "/api/hubs/" + Uri.EscapeDataString(hub);
            _healthPath = basePath + "/api/health";
            InitializeClientAccess(out _audiencePrefix, out _clientUriPrefix, out _clientBaseUri);
        }

        public Uri Endpoint { get; }

        public string Hub { get; }

        /// <summary>The pipeline, exposed so callers can send requests this client has no method for.</summary>
        public HttpPipeline Pipeline => _pipeline;

        /// <summary>Escapes one path segment: <c>/</c>, space, <c>%</c>... never leak into the path structure.</summary>
        private static string Segment(string value, string name) => Uri.EscapeDataString(Argument.NotNullOrEmpty(value, name));

        /// <summary>A request for <paramref name="hubRelativePath"/> (already escaped) under this hub, with api-version.</summary>
        /// <remarks>
        /// The URL is built once per path and reused (a query added afterwards still applies): building it, its
        /// <see cref="Uri"/> and that Uri's text for the token audience cost about 0.6 KB per REST call, and an app
        /// repeats a few paths. Paths with ids are unbounded, hence the bound.
        /// </remarks>
        private HttpMessage CreateHubMessage(RequestMethod method, string hubRelativePath)
        {
            HttpMessage message = _pipeline.CreateMessage();
            message.Request.Method = method;
            message.Request.Uri.Reset(_hubUris.Get(hubRelativePath) ?? BuildHubUri(hubRelativePath));
            return message;
        }

        private Uri BuildHubUri(string hubRelativePath)
        {
            var builder = new RequestUriBuilder();
            SetPath(builder, _hubPath + hubRelativePath);
            Uri uri = builder.ToUri();
            _hubUris.Set(hubRelativePath, uri);
            return uri;
        }

        private HttpMessage CreateMessage(RequestMethod method, string path)
        {
            HttpMessage message = _pipeline.CreateMessage();
            message.Request.Method = method;
            SetPath(message.Request.Uri, path);
            return message;
        }

        private void SetPath(RequestUriBuilder uri, string path)
        {
            uri.Scheme = _scheme;
            uri.Host = _host;
            uri.Port = _port;
            uri.AppendPath(path, escape: false);
            uri.AppendQuery("api-version", WebPubSubServiceClientOptions.ApiVersion, escapeValue: false);
        }

        private static void AppendQuery(HttpMessage message, string name, string? value)
        {
            if (value != null)
            {
                message.Request.Uri.AppendQuery(name, value, escapeValue: true);
            }
        }

        /// <summary>Array parameters use repeated keys (<c>excluded=a&amp;excluded=b</c>).</summary>
        private static void AppendQuery(HttpMessage message, string name, IEnumerable<string>? values)
        {
            if (values is null)
            {
                return;
            }

            foreach (string value in values)
            {
                message.Request.Uri.AppendQuery(name, value, escapeValue: true);
            }
        }

        private static void AppendQuery(HttpMessage message, string name, int? value)
        {
            if (value.HasValue)
            {
                message.Request.Uri.AppendQuery(name, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), escapeValue: false);
            }
        }

        /// <summary>Sends and disposes <paramref name="message"/>; non-2xx throws.</summary>
        /// <remarks>The send is inlined rather than awaited through <see cref="SendCheckedAsync"/>: one async frame (and its box) less per output action.</remarks>
        private async Task ExecuteAsync(HttpMessage message, CancellationToken cancellationToken)
        {
            using (message)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
                ThrowUnlessSuccess(message);
            }
        }

        /// <summary>HEAD existence checks: 2xx = true, 404 = false, anything else throws.</summary>
        private async Task<bool> ExistsAsync(HttpMessage message, CancellationToken cancellationToken)
        {
            using (message)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
                int status = message.Response.Status;
                if (status == 404)
                {
                    return false;
                }

                return IsSuccess(status) ? true : throw new RequestFailedException(message.Response);
            }
        }

        private async Task SendCheckedAsync(HttpMessage message, CancellationToken cancellationToken)
        {
            // Fail fast: no token signing or connection attempt for an already-cancelled call.
            cancellationToken.ThrowIfCancellationRequested();
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            ThrowUnlessSuccess(message);
        }

        private static void ThrowUnlessSuccess(HttpMessage message)
        {
            if (!IsSuccess(message.Response.Status))
            {
                throw new RequestFailedException(message.Response);
            }
        }

        private static bool IsSuccess(int status) => status >= 200 && status < 300;
    }
}
