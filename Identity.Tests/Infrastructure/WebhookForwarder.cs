using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure
{
    /// <summary>
    /// Serves <c>/runtime/webhooks/webpubsub</c> on 127.0.0.1 and hands each request to the JobHost's webhook
    /// converter, as the Functions host does, so the stand-in's upstream calls reach the trigger functions.
    /// </summary>
    internal sealed class WebhookForwarder : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private WebhookForwarder(WebApplication app) => _app = app;

        public static async Task<WebhookForwarder> StartAsync(int port, IdentityJobHost host)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:" + port);
            var app = builder.Build();
            app.Map("/runtime/webhooks/webpubsub/{**rest}", (HttpContext context) => ForwardAsync(context, host));
            await app.StartAsync();
            return new WebhookForwarder(app);
        }

        private static async Task ForwardAsync(HttpContext context, IdentityJobHost host)
        {
            var request = context.Request;
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), $"http://{request.Host}{request.Path}{request.QueryString}");
            var body = new System.IO.MemoryStream();
            await request.Body.CopyToAsync(body);
            message.Content = new ByteArrayContent(body.ToArray());
            foreach (var header in request.Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
                {
                    message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
                }
            }
            using var response = await host.SendWebhookAsync(message, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
            context.Response.Headers.Remove("transfer-encoding");
            await response.Content.CopyToAsync(context.Response.Body);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
