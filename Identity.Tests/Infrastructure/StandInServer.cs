using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebPubSubStandIn;
using WebPubSubStandIn.Entra;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure
{
    /// <summary>
    /// The Web PubSub stand-in in-process: HTTP (the managed-identity endpoint, as App Service serves it) and HTTPS
    /// (the service endpoint, with the local CA's certificate), with one managed identity per name asked for. Client
    /// ids are new for every start, so Azure.Identity's in-memory token cache never mixes two stand-ins' tokens.
    /// </summary>
    internal sealed class StandInServer : IAsyncDisposable
    {
        public const string Hub = "identity";
        private readonly WebApplication _app;
        private readonly Dictionary<string, string> _clientIds;

        private StandInServer(WebApplication app, int httpPort, int httpsPort, int webhookPort, string header, string accessKey,
            Dictionary<string, string> clientIds, TestLoggerProvider logs)
        {
            _app = app;
            HttpPort = httpPort;
            HttpsPort = httpsPort;
            WebhookPort = webhookPort;
            IdentityHeader = header;
            AccessKey = accessKey;
            _clientIds = clientIds;
            Logs = logs;
        }

        public int HttpPort { get; }

        public int HttpsPort { get; }

        /// <summary>Where the stand-in sends hub <see cref="Hub"/>'s events (a <see cref="WebhookForwarder"/> may listen there).</summary>
        public int WebhookPort { get; }

        public string IdentityHeader { get; }

        public string AccessKey { get; }

        public TestLoggerProvider Logs { get; }

        /// <summary>The service endpoint as an identity connection's <c>serviceUri</c>.</summary>
        public string ServiceUri => "https://127.0.0.1:" + HttpsPort;

        /// <summary>The value of <c>IDENTITY_ENDPOINT</c>.</summary>
        public string IdentityEndpoint => $"http://127.0.0.1:{HttpPort}{ManagedIdentityEndpoint.Path}";

        /// <summary>A key-based connection string to the same service over HTTPS (for comparisons).</summary>
        public string KeyConnectionString => $"Endpoint=https://127.0.0.1;Port={HttpsPort};AccessKey={AccessKey};Version=1.0;";

        public string ClientId(string identity) => _clientIds[identity];

        public static string ResourceId(string identity)
            => "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/local/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + identity;

        public int TokenRequests(string identity) => _app.Services.GetRequiredService<TokenRequestLedger>().RequestsFor(identity);

        /// <param name="identities">Name → extra settings (<c>Roles</c> defaults to Web PubSub Service Owner).</param>
        /// <param name="webhook">Whether hub <see cref="Hub"/> sends <c>connect</c> and user events to <see cref="WebhookPort"/>.</param>
        public static async Task<StandInServer> StartAsync(IDictionary<string, IDictionary<string, string>> identities, bool webhook = true)
        {
            int httpPort = FreePort(), httpsPort = FreePort(), webhookPort = FreePort();
            var header = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var accessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var args = new List<string>
            {
                $"--urls=http://127.0.0.1:{httpPort};https://127.0.0.1:{httpsPort}",
                $"--StandIn:ConnectionString=Endpoint=http://127.0.0.1;Port={httpPort};AccessKey={accessKey};Version=1.0;",
                "--StandIn:UpstreamTimeoutSeconds=5",
                "--StandIn:ManagedIdentity:Header=" + header,
            };
            if (webhook)
            {
                args.Add($"--StandIn:Hubs:{Hub}:UrlTemplate=http://127.0.0.1:{webhookPort}/runtime/webhooks/webpubsub");
                args.Add($"--StandIn:Hubs:{Hub}:SystemEvents=connect");
            }
            var clientIds = new Dictionary<string, string>();
            foreach (var (name, settings) in identities)
            {
                clientIds[name] = Guid.NewGuid().ToString();
                var all = new Dictionary<string, string>
                {
                    ["ClientId"] = clientIds[name],
                    ["ResourceId"] = ResourceId(name),
                    ["Roles"] = DataPlaneRoles.Owner,
                };
                foreach (var setting in settings)
                {
                    all[setting.Key] = setting.Value;
                }
                args.AddRange(all.Select(s => $"--StandIn:Identities:{name}:{s.Key}={s.Value}"));
            }

            var logs = new TestLoggerProvider();
            var app = StandInApp.Build(args.ToArray(), logging => logging.ClearProviders().AddProvider(logs));
            await app.StartAsync();
            var server = new StandInServer(app, httpPort, httpsPort, webhookPort, header, accessKey, clientIds, logs);
            await server.RequireTrustedCertificateAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        // The extension uses Azure.Core's default transport, i.e. the machine's trust store: say how to fix it.
        private async Task RequireTrustedCertificateAsync()
        {
            using var client = new HttpClient();
            try
            {
                using var _ = await client.GetAsync(ServiceUri + "/api/health");
            }
            catch (HttpRequestException ex) when (ex.InnerException is AuthenticationException)
            {
                throw new InvalidOperationException(
                    "The stand-in's local CA is not trusted by this process, so HTTPS to it fails. Run the tests through build/test.sh "
                    + "(it adds the CA with SSL_CERT_DIR), or install it once: see README 'Identity-based connections locally'. "
                    + ex.InnerException.Message, ex);
            }
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
