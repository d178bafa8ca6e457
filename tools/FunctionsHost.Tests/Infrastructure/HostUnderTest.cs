using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace FunctionsHost.Tests.Infrastructure
{
    /// <summary>
    /// The functions host, in-process on a free 127.0.0.1 port, with the chat sample loaded and its REST calls
    /// going to a <see cref="ServiceStub"/>. Logs are captured, not printed.
    /// </summary>
    internal sealed class HostUnderTest : IAsyncDisposable
    {
        private HostUnderTest(FunctionsHostApp app, ServiceStub stub, CapturedLogs logs)
        {
            App = app;
            Stub = stub;
            Logs = logs;
        }

        public FunctionsHostApp App { get; }

        public ServiceStub Stub { get; }

        public CapturedLogs Logs { get; }

        public HttpClient Client { get; private set; } = null!;

        /// <summary>Builds (and by default starts) a host; <paramref name="extraArgs"/> are more <c>--Key=Value</c> settings.</summary>
        public static async Task<HostUnderTest> StartAsync(bool startJobHost = true, params string[] extraArgs)
        {
            var stub = await ServiceStub.StartAsync();
            var logs = new CapturedLogs();
            var args = new List<string>
            {
                "--urls=http://127.0.0.1:0",
                "--Host:Functions=" + TestPaths.ChatAssembly,
                $"--WebPubSubConnectionString=Endpoint=http://localhost;Port={stub.Port};AccessKey={CloudEvents.AccessKey};Version=1.0;",
                "--WebPubSubHub=chat",
            };
            args.AddRange(extraArgs);
            var app = FunctionsHostApp.Build(args.ToArray(), l =>
            {
                l.ClearProviders();
                l.AddProvider(logs);
                l.SetMinimumLevel(LogLevel.Information);
            });
            var host = new HostUnderTest(app, stub, logs);
            await app.StartWebServerAsync();
            host.Client = new HttpClient { BaseAddress = new Uri(app.Url!), Timeout = TimeSpan.FromSeconds(30) };
            if (startJobHost)
            {
                await app.StartJobHostAsync();
            }
            return host;
        }

        public const string Webhook = "/runtime/webhooks/webpubsub";

        public async ValueTask DisposeAsync()
        {
            Client?.Dispose();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
            {
                await App.StopAsync(timeout.Token);
            }
            await App.DisposeAsync();
            await Stub.DisposeAsync();
        }
    }

    internal sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => _lines.ToArray();

        public bool Contains(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger : ILogger
        {
            private readonly CapturedLogs _owner;
            private readonly string _category;

            public Logger(CapturedLogs owner, string category)
            {
                _owner = owner;
                _category = category;
            }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                _owner._lines.Enqueue($"{logLevel} {_category}: {formatter(state, exception)}{(exception == null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
        }
    }
}
