using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace WebPubSubStandIn.Tests
{
    /// <summary>The stand-in hosted in-process on a free 127.0.0.1 port, plus client and REST helpers.</summary>
    internal sealed class StandInHost : IAsyncDisposable
    {
        public const string Key = "c3RhbmQtaW4tdGVzdC1rZXktdGhhdC1pcy1sb25nLWVub3VnaA==";
        private readonly WebApplication _app;

        private StandInHost(WebApplication app, int port, string key, int? httpsPort = null)
        {
            _app = app;
            Port = port;
            HttpsPort = httpsPort;
            AccessKey = key;
            Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        }

        public int Port { get; }

        /// <summary>The HTTPS port, when started with <c>https: true</c>.</summary>
        public int? HttpsPort { get; }

        public IServiceProvider Services => _app.Services;

        public string AccessKey { get; }

        /// <summary>The connection string's endpoint (tokens are signed for it).</summary>
        public string BaseUrl => "http://localhost:" + Port;

        public HttpClient Http { get; }

        public static async Task<StandInHost> StartAsync(IDictionary<string, string>? settings = null, string key = Key, bool https = false)
        {
            int port = FreePort();
            int? httpsPort = https ? FreePort() : null;
            var args = new List<string>
            {
                "--urls=http://127.0.0.1:" + port + (https ? ";https://127.0.0.1:" + httpsPort : string.Empty),
                $"--StandIn:ConnectionString=Endpoint=http://localhost;Port={port};AccessKey={key};Version=1.0;",
                "--StandIn:UpstreamTimeoutSeconds=3",
            };
            args.AddRange((settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"));
            var app = StandInApp.Build(args.ToArray(), logging => logging.ClearProviders());
            await app.StartAsync();
            return new StandInHost(app, port, key, httpsPort);
        }

        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public string ClientToken(string hub, string? userId = null, IEnumerable<string>? roles = null, IEnumerable<string>? groups = null)
            => Jwt.Create(AccessKey, BaseUrl + "/client/hubs/" + hub, userId, roles, groups);

        public Uri ClientUrl(string hub, string? token) => new Uri($"ws://localhost:{Port}/client/hubs/{hub}" + (token == null ? string.Empty : "?access_token=" + token));

        public async Task<TestClient> ConnectJsonAsync(string hub, string? userId = null, IEnumerable<string>? roles = null, IEnumerable<string>? groups = null)
        {
            var client = await ConnectAsync(ClientUrl(hub, ClientToken(hub, userId, roles, groups)), "json.webpubsub.azure.v1");
            var connected = await client.ReceiveJsonAsync();
            client.ConnectionId = connected.GetProperty("connectionId").GetString()!;
            return client;
        }

        public async Task<TestClient> ConnectAsync(Uri url, string? subprotocol = null)
        {
            var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            if (subprotocol != null)
            {
                socket.Options.AddSubProtocol(subprotocol);
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.ConnectAsync(url, timeout.Token);
            return new TestClient(socket);
        }

        /// <summary>A REST request signed for its URL (as the SDKs do: aud = the full URL with query).</summary>
        public async Task<HttpResponseMessage> RestAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null, string? audience = null)
        {
            var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
            var url = new Uri(Http.BaseAddress!, pathAndQuery).AbsoluteUri;
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Jwt.Create(AccessKey, audience ?? url, lifetime: TimeSpan.FromMinutes(5)));
            return await Http.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
