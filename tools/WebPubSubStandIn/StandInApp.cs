using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebPubSubStandIn.Auth;
using WebPubSubStandIn.Clients;
using WebPubSubStandIn.Configuration;
using WebPubSubStandIn.Connections;
using WebPubSubStandIn.Entra;
using WebPubSubStandIn.Https;
using WebPubSubStandIn.Rest;
using WebPubSubStandIn.Upstream;

namespace WebPubSubStandIn
{
    /// <summary>
    /// Builds the stand-in: Kestrel on 127.0.0.1 only (http and https ports from <c>--urls</c>, default
    /// http 8080), the client endpoints, the REST API, the managed-identity endpoint, the ready line, and closing
    /// every client socket on shutdown.
    /// </summary>
    public static class StandInApp
    {
        public const string ReadyLinePrefix = "Web PubSub stand-in listening on ";

        public static WebApplication Build(string[] args, Action<ILoggingBuilder>? configureLogging = null)
        {
            var urls = new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args).Build()["urls"];
            // The listeners are explicit (HTTPS needs the local CA's certificate), so Kestrel must not see --urls too
            // (it would warn that it overrides them).
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = LoopbackListeners.WithoutUrls(args) });
            var options = StandInOptions.FromConfiguration(builder.Configuration);
            LoopbackListeners.Configure(builder, LoopbackListeners.Parse(urls), options.CertificateDirectory);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
            configureLogging?.Invoke(builder.Logging);

            var services = builder.Services;
            services.AddSingleton(options);
            services.AddSingleton<TokenValidator>();
            services.AddSingleton<TokenIssuer>();
            services.AddSingleton<ConnectionRegistry>();
            services.AddSingleton(new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            });
            services.AddSingleton<UpstreamClient>();
            services.AddSingleton<SimpleProtocol>();
            services.AddSingleton<JsonProtocol>();
            services.AddSingleton<ClientEndpoint>();
            services.AddSingleton<RestAuthFilter>();
            services.AddSingleton<EntraIssuer>();
            services.AddSingleton<EntraTokenValidator>();
            services.AddSingleton<TokenRequestLedger>();

            var app = builder.Build();
            app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

            var clients = app.Services.GetRequiredService<ClientEndpoint>();
            app.Map("/client/hubs/{hub}", (HttpContext context, string hub) => clients.HandleAsync(context, hub));
            app.Map("/client", (HttpContext context) => clients.HandleAsync(context, null));
            RestApi.Map(app);
            ManagedIdentityEndpoint.Map(app);
            app.MapGet("/.well-known/jwks.json", (EntraIssuer issuer) => Results.Json(issuer.Jwks()));

            app.Lifetime.ApplicationStarted.Register(() =>
            {
                // Other addresses first: whoever waits for the ready line can then rely on them too.
                foreach (var address in ListeningUrls(app).Skip(1))
                {
                    Console.Out.WriteLine("Web PubSub stand-in also listening on " + address);
                }
                Console.Out.WriteLine(ReadyLinePrefix + ListeningUrl(app));
                Console.Out.Flush();
            });
            app.Lifetime.ApplicationStopping.Register(() =>
            {
                foreach (var connection in app.Services.GetRequiredService<ConnectionRegistry>().All())
                {
                    ConnectionCloser.Close(connection, WebSocketCloseStatus.EndpointUnavailable, "The service is shutting down.");
                }
            });
            return app;
        }

        public static Task RunAsync(string[] args) => Build(args).RunAsync();

        /// <summary>The local CA's certificate file (PEM), created if missing; honours <c>StandIn:Https:CertificateDirectory</c>.</summary>
        public static string CertificateAuthorityPath(string[] args)
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
            var directory = configuration["StandIn:Https:CertificateDirectory"];
            directory = string.IsNullOrEmpty(directory) ? LocalCertificateAuthority.DefaultDirectory() : directory;
            using var ca = LocalCertificateAuthority.LoadOrCreate(directory);
            return System.IO.Path.Combine(directory, LocalCertificateAuthority.CertificateFileName);
        }

        /// <summary>The first address Kestrel actually listens on, e.g. <c>http://127.0.0.1:8080</c>.</summary>
        public static string ListeningUrl(WebApplication app) => ListeningUrls(app).FirstOrDefault() ?? "http://127.0.0.1";

        /// <summary>Every address, in <c>--urls</c> order (ports resolved), e.g. <c>https://127.0.0.1:8443</c>.</summary>
        public static IReadOnlyList<string> ListeningUrls(WebApplication app)
            => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? Array.Empty<string>();
    }
}
