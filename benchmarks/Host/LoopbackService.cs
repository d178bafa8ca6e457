using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks.Host
{
    /// <summary>
    /// A Web PubSub REST endpoint on 127.0.0.1 that reads each body and answers 202, so output benchmarks pay a
    /// real loopback HTTP round trip, as the floor (a raw HttpClient POST) does.
    /// </summary>
    internal sealed class LoopbackService : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private LoopbackService(WebApplication app, Uri baseUri)
        {
            _app = app;
            BaseUri = baseUri;
        }

        public Uri BaseUri { get; }

        public static async Task<LoopbackService> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.Run(async context =>
            {
                await context.Request.Body.CopyToAsync(System.IO.Stream.Null).ConfigureAwait(false);
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            });
            await app.StartAsync().ConfigureAwait(false);
            return new LoopbackService(app, new Uri(app.Urls is { Count: > 0 } urls ? System.Linq.Enumerable.First(urls) : throw new InvalidOperationException("no URL")));
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
    }
}
