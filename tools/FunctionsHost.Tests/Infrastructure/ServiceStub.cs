using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace FunctionsHost.Tests.Infrastructure
{
    /// <summary>
    /// Stands for the Web PubSub REST API while the chat functions run: answers every request 202 on a free
    /// 127.0.0.1 port and records what it got.
    /// </summary>
    internal sealed class ServiceStub : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<RecordedRequest> _requests = new();

        private ServiceStub(WebApplication app)
        {
            _app = app;
        }

        public int Port { get; private set; }

        public IReadOnlyCollection<RecordedRequest> Requests => _requests.ToArray();

        public static async Task<ServiceStub> StartAsync()
        {
            var builder = WebApplication.CreateBuilder(new[] { "--urls=http://127.0.0.1:0" });
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var stub = new ServiceStub(app);
            app.Run(async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                stub._requests.Enqueue(new RecordedRequest(
                    context.Request.Method,
                    context.Request.Path.Value + context.Request.QueryString.Value,
                    context.Request.ContentType,
                    body,
                    context.Request.Headers.Authorization.ToString()));
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            });
            await app.StartAsync();
            stub.Port = new Uri(app.Urls.Single()).Port;
            return stub;
        }

        /// <summary>Waits (up to 10 s) for a recorded request that matches; fails the test otherwise.</summary>
        public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, string what)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                var found = _requests.FirstOrDefault(match);
                if (found != null)
                {
                    return found;
                }
                await Task.Delay(20);
            }
            Assert.Fail($"The service stub never got {what}. It got: {string.Join("; ", _requests.Select(r => r.ToString()))}");
            throw new InvalidOperationException("unreachable");
        }

        public async ValueTask DisposeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }
    }

    internal sealed record RecordedRequest(string Method, string PathAndQuery, string? ContentType, string Body, string Authorization)
    {
        public override string ToString() => $"{Method} {PathAndQuery} [{ContentType}] {Body}";
    }
}
