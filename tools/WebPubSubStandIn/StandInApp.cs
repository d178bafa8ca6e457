using System;
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
using WebPubSubStandIn.Rest;
using WebPubSubStandIn.Upstream;

namespace WebPubSubStandIn
{
    /// <summary>
    /// Builds the stand-in: Kestrel on 127.0.0.1 only (ports from <c>--urls</c>, default 8080), the client
    /// endpoints, the REST API, the ready line, and closing every client socket on shutdown.
    /// </summary>
    public static class StandInApp
    {
        public const string ReadyLinePrefix = "Web PubSub stand-in listening on ";

        public static WebApplication Build(string[] args, Action<ILoggingBuilder>? configureLogging = null)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
            var options = StandInOptions.FromConfiguration(builder.Configuration);
            var ports = LoopbackPorts(builder.Configuration["urls"]);
            builder.WebHost.UseUrls(ports.Select(port => "http://127.0.0.1:" + port).ToArray());
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

            var app = builder.Build();
            app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

            var clients = app.Services.GetRequiredService<ClientEndpoint>();
            app.Map("/client/hubs/{hub}", (HttpContext context, string hub) => clients.HandleAsync(context, hub));
            app.Map("/client", (HttpContext context) => clients.HandleAsync(context, null));
            RestApi.Map(app);

            app.Lifetime.ApplicationStarted.Register(() =>
            {
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

        /// <summary>The first address Kestrel actually listens on, e.g. <c>http://127.0.0.1:8080</c>.</summary>
        public static string ListeningUrl(WebApplication app)
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return address ?? "http://127.0.0.1";
        }

        /// <summary>Ports of <c>--urls</c> (';'-separated); hosts must be loopback; <c>0</c> = any free port.</summary>
        private static int[] LoopbackPorts(string? urls)
        {
            if (string.IsNullOrWhiteSpace(urls))
            {
                return new[] { 8080 };
            }
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(url =>
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
                {
                    throw new InvalidOperationException($"--urls '{url}' must be an http:// URL on 127.0.0.1.");
                }
                if (uri.Host != "127.0.0.1" && !uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"--urls '{url}': the stand-in listens on 127.0.0.1 only.");
                }
                return uri.Port;
            }).Distinct().ToArray();
        }
    }
}
