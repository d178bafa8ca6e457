using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Azure.WebJobs.Host.Indexers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FunctionsHost
{
    /// <summary>
    /// The local functions host: Kestrel in front of a WebJobs <see cref="JobHost"/> that runs a function app with
    /// the Web PubSub extension (and the HTTP trigger). Start order: Kestrel (answers 503 meanwhile), then the
    /// JobHost, then the ready line <c>Functions host listening on &lt;url&gt;</c>. Stop order: JobHost, then Kestrel.
    /// Configuration (command line <c>--Key=Value</c>, env vars <c>Key__Sub</c>): <c>--urls</c>, <c>Host:Functions</c>,
    /// <c>Host:SystemKey</c>; everything else is an app setting the functions see.
    /// </summary>
    public sealed class FunctionsHostApp : IAsyncDisposable
    {
        public const string DefaultUrl = "http://127.0.0.1:7071";
        public const string ReadyLinePrefix = "Functions host listening on ";
        public const string FunctionsKey = "Host:Functions";
        public const string SystemKeyKey = "Host:SystemKey";
        public const string SystemKeyHeader = "x-functions-key";

        /// <summary>
        /// Where the HTTP trigger leaves a function's result: <c>HttpOptions.SetResponse</c> is set to store it in
        /// <c>HttpContext.Items</c> under this key (see <see cref="HttpResults"/>).
        /// </summary>
        public const string HttpResultKey = "FunctionsHost.HttpResult";

        private readonly WebApplication _web;
        private readonly Action<ILoggingBuilder>? _configureLogging;
        private readonly ILogger _logger;
        private readonly byte[]? _systemKey;
        private IHost? _jobHost;
        private JobHost? _jobs;
        private volatile bool _jobHostStarted;

        private FunctionsHostApp(WebApplication web, FunctionApp functions, WebHookRegistry webHooks, Action<ILoggingBuilder>? configureLogging)
        {
            _web = web;
            Functions = functions;
            WebHooks = webHooks;
            _configureLogging = configureLogging;
            _logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FunctionsHost");
            var key = web.Configuration[SystemKeyKey];
            _systemKey = string.IsNullOrEmpty(key) ? null : Encoding.UTF8.GetBytes(key);
        }

        public FunctionApp Functions { get; }

        public WebHookRegistry WebHooks { get; }

        public IConfiguration Configuration => _web.Configuration;

        /// <summary>The address Kestrel listens on (e.g. <c>http://127.0.0.1:7071</c>), once started.</summary>
        public string? Url { get; private set; }

        public bool IsJobHostStarted => _jobHostStarted;

        /// <summary>The JobHost's services, once started.</summary>
        public IServiceProvider? JobHostServices => _jobHost?.Services;

        /// <summary>Reads configuration, loads the function app (<c>Host:Functions</c>) and sets up the routes. Starts nothing.</summary>
        /// <exception cref="FunctionAppLoadException">The function app is missing or cannot be loaded.</exception>
        public static FunctionsHostApp Build(string[] args, Action<ILoggingBuilder>? configureLogging = null)
        {
            var builder = WebApplication.CreateBuilder(args);
            if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            {
                builder.WebHost.UseUrls(DefaultUrl);
            }
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            configureLogging?.Invoke(builder.Logging);

            // IActionResult execution as the in-process Functions host does it: MVC with Newtonsoft formatters.
            builder.Services.AddMvcCore().AddNewtonsoftJson();

            var functions = FunctionApp.Load(builder.Configuration[FunctionsKey] ?? string.Empty);
            var webHooks = new WebHookRegistry();
            var web = builder.Build();
            var app = new FunctionsHostApp(web, functions, webHooks, configureLogging);
            web.Map("/runtime/webhooks/{name}/{**rest}", app.HandleWebhookAsync);
            web.Map("/api/{function}", app.HandleFunctionAsync);
            return app;
        }

        /// <summary>Kestrel, the JobHost, then the ready line.</summary>
        public async Task StartAsync(CancellationToken cancellationToken = default)
        {
            await StartWebServerAsync(cancellationToken).ConfigureAwait(false);
            await StartJobHostAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Only Kestrel: every route answers 503 until <see cref="StartJobHostAsync"/> completes.</summary>
        public async Task StartWebServerAsync(CancellationToken cancellationToken = default)
        {
            await _web.StartAsync(cancellationToken).ConfigureAwait(false);
            Url = _web.Urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                ?? _web.Urls.First();
            WebHooks.BaseUri = new Uri(Url.TrimEnd('/') + "/");
        }

        /// <summary>Builds and starts the JobHost (indexing the app's functions), then prints the ready line.</summary>
        public async Task StartJobHostAsync(CancellationToken cancellationToken = default)
        {
            if (Url == null)
            {
                throw new InvalidOperationException("Start the web server first: webhook URLs carry its address.");
            }
            var configuration = _web.Configuration;
            _jobHost = new HostBuilder()
                .UseEnvironment(_web.Environment.EnvironmentName)
                .UseContentRoot(_web.Environment.ContentRootPath)
                .ConfigureAppConfiguration(c => c.AddConfiguration(configuration))
                .ConfigureLogging(l =>
                {
                    l.AddConfiguration(configuration.GetSection("Logging"));
                    l.AddConsole();
                    // WebJobs prints every options object at start; keep the console readable.
                    l.AddFilter("Microsoft.Azure.WebJobs.Hosting.OptionsLoggingService", LogLevel.Warning);
                    _configureLogging?.Invoke(l);
                })
                .ConfigureServices(s =>
                {
#pragma warning disable CS0618 // IWebHookProvider is how hosts receive webhook converters.
                    s.AddSingleton<IWebHookProvider>(WebHooks);
#pragma warning restore CS0618
                    s.AddSingleton<ITypeLocator>(Functions);
                    // The web host owns Ctrl+C; the JobHost is stopped by this class.
                    s.AddSingleton<IHostLifetime, OwnedLifetime>();
                })
                .ConfigureWebJobs(b =>
                {
                    b.AddWebPubSub();
                    b.AddHttp(o => o.SetResponse = (request, result) => request.HttpContext.Items[HttpResultKey] = result);
                })
                .Build();
            await _jobHost.StartAsync(cancellationToken).ConfigureAwait(false);
            _jobs = (JobHost)_jobHost.Services.GetRequiredService<IJobHost>();
            _jobHostStarted = true;

            _logger.LogInformation(
                "Function app {App}: webhooks [{WebHooks}], HTTP functions [{Functions}].",
                Functions.Assembly.GetName().Name,
                string.Join(", ", WebHooks.Names.Select(n => $"{Url}/runtime/webhooks/{n}")),
                string.Join(", ", Functions.HttpFunctions.Keys.Select(n => $"{Url}/api/{n}")));
            Console.Out.WriteLine(ReadyLinePrefix + Url);
            Console.Out.Flush();
        }

        /// <summary>JobHost first (in-flight invocations finish), then Kestrel.</summary>
        public async Task StopAsync(CancellationToken cancellationToken = default)
        {
            _jobHostStarted = false;
            if (_jobHost != null)
            {
                await _jobHost.StopAsync(cancellationToken).ConfigureAwait(false);
            }
            await _web.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            _jobHostStarted = false;
            _jobHost?.Dispose();
            await _web.DisposeAsync().ConfigureAwait(false);
        }

        /// <summary>The program: build, start, run until Ctrl+C / SIGTERM, stop. 0 on a clean stop.</summary>
        public static async Task<int> RunAsync(string[] args)
        {
            FunctionsHostApp app;
            try
            {
                app = Build(args);
            }
            catch (FunctionAppLoadException e)
            {
                Console.Error.WriteLine("Functions host: " + e.Message);
                return 2;
            }

            await using (app.ConfigureAwait(false))
            {
                var lifetime = app._web.Services.GetRequiredService<IHostApplicationLifetime>();
                try
                {
                    await app.StartAsync(lifetime.ApplicationStopping).ConfigureAwait(false);
                }
                catch (Exception e) when (!lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    app._logger.LogCritical(e, "The functions host could not start.");
                    Console.Error.WriteLine("Functions host: could not start: " + e.Message);
                    await app.StopQuietlyAsync().ConfigureAwait(false);
                    return 1;
                }
                catch (OperationCanceledException)
                {
                    await app.StopQuietlyAsync().ConfigureAwait(false);
                    return 0;
                }

                var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (lifetime.ApplicationStopping.Register(() => stopping.TrySetResult()))
                {
                    await stopping.Task.ConfigureAwait(false);
                }
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                await app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            return 0;
        }

        private async Task StopQuietlyAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Stopping after a failed start failed too.");
            }
        }

        // /runtime/webhooks/{name}/{**rest}: any verb, through the extension's converter.
        private async Task HandleWebhookAsync(HttpContext context)
        {
            var name = (string)context.GetRouteValue("name")!;
            if (!SystemKeyAccepted(context.Request))
            {
                await WritePlainAsync(context, StatusCodes.Status401Unauthorized, "A valid system key is required: ?code=<key> or header x-functions-key.").ConfigureAwait(false);
                return;
            }
            if (!_jobHostStarted)
            {
                context.Response.Headers.RetryAfter = "1";
                await WritePlainAsync(context, StatusCodes.Status503ServiceUnavailable, "The functions host is not running (starting or stopping).").ConfigureAwait(false);
                return;
            }
            if (!WebHooks.TryGet(name, out var converter))
            {
                await WritePlainAsync(context, StatusCodes.Status404NotFound, $"No extension registered a webhook named '{name}'.").ConfigureAwait(false);
                return;
            }

            var aborted = context.RequestAborted;
            var watch = Stopwatch.StartNew();
            using var request = await HttpMessages.ToRequestMessageAsync(context.Request, aborted).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await converter.ConvertAsync(request, aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Webhook {Name}: {Method} {Path} failed in the extension.", name, context.Request.Method, context.Request.Path.Value);
                await WritePlainAsync(context, StatusCodes.Status500InternalServerError, "The extension failed to handle the request; see the functions host log.").ConfigureAwait(false);
                return;
            }

            using (response)
            {
                _logger.LogInformation(
                    "Webhook {Name}: {Method} {Event} -> {Status} ({Elapsed} ms)",
                    name,
                    context.Request.Method,
                    context.Request.Headers["ce-type"].FirstOrDefault() ?? context.Request.Path.Value,
                    (int)response.StatusCode,
                    watch.ElapsedMilliseconds);
                await HttpMessages.WriteResponseAsync(response, context.Response, aborted).ConfigureAwait(false);
            }
        }

        // /api/{function}: the HTTP-triggered function of that [FunctionName], through the JobHost.
        private async Task HandleFunctionAsync(HttpContext context)
        {
            var name = (string)context.GetRouteValue("function")!;
            if (!Functions.HttpFunctions.TryGetValue(name, out var function))
            {
                await WritePlainAsync(context, StatusCodes.Status404NotFound, $"No HTTP-triggered function named '{name}'.").ConfigureAwait(false);
                return;
            }
            var jobs = _jobs;
            if (!_jobHostStarted || jobs == null)
            {
                context.Response.Headers.RetryAfter = "1";
                await WritePlainAsync(context, StatusCodes.Status503ServiceUnavailable, "The functions host is not running (starting or stopping).").ConfigureAwait(false);
                return;
            }
            if (!function.Accepts(context.Request.Method))
            {
                context.Response.Headers.Allow = string.Join(", ", function.Methods!.Select(m => m.ToUpperInvariant()));
                await WritePlainAsync(context, StatusCodes.Status405MethodNotAllowed, $"Function '{function.Name}' does not accept {context.Request.Method}.").ConfigureAwait(false);
                return;
            }

            var aborted = context.RequestAborted;
            var arguments = new Dictionary<string, object> { [function.TriggerParameterName] = context.Request };
            try
            {
                await jobs.CallAsync(function.Method, arguments, aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // WebJobs has logged the invocation failure with its stack; the caller gets a bare 500.
                _logger.LogWarning("Function {Function} failed: {Reason} -> 500", function.Name, (e.InnerException ?? e).Message);
                if (!context.Response.HasStarted)
                {
                    context.Response.Clear();
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                }
                return;
            }

            context.Items.TryGetValue(HttpResultKey, out var result);
            await HttpResults.WriteAsync(context, result).ConfigureAwait(false);
        }

        private bool SystemKeyAccepted(HttpRequest request)
        {
            if (_systemKey == null)
            {
                return true;
            }
            var given = request.Query["code"].FirstOrDefault() ?? request.Headers[SystemKeyHeader].FirstOrDefault();
            return given != null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _systemKey);
        }

        private static Task WritePlainAsync(HttpContext context, int status, string message)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(message, context.RequestAborted);
        }

        /// <summary>The JobHost's lifetime is this class: no console handlers of its own.</summary>
        private sealed class OwnedLifetime : IHostLifetime
        {
            public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
    }
}
