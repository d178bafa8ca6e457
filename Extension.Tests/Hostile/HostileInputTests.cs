using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// Issue 7: seeded hostile-input test. Generated requests (see <see cref="Mutations"/>) go through a real
    /// JobHost, most to the webhook and a share to the context binding's HTTP function, with valid control
    /// requests in between. For each: no 5xx, no request over 5 s, no function run without a valid signature
    /// or with a null value, and every control request succeeds. The seed is printed; set
    /// WEBPUBSUB_HOSTILE_SEED (and WEBPUBSUB_HOSTILE_COUNT) to explore other sequences locally.
    /// </summary>
    [Category("Hostile")]
    public class HostileInputTests
    {
        private const int DefaultSeed = 20261201;
        private const int DefaultCount = 1200;
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

        private readonly InvocationRecorder _recorder = new();
        private WebPubSubTestHost _host = null!;

        [OneTimeSetUp]
        public async Task Start() => _host = await HostileHost.StartAsync(_recorder);

        [OneTimeTearDown]
        public async Task Stop() => await _host.DisposeAsync();

        [Test]
        public async Task GeneratedRequestsAreAnsweredSafely()
        {
            var seed = Setting("WEBPUBSUB_HOSTILE_SEED", DefaultSeed);
            var count = Setting("WEBPUBSUB_HOSTILE_COUNT", DefaultCount);
            var banner = $"Hostile-input test: seed {seed}, {count} generated requests (WEBPUBSUB_HOSTILE_SEED overrides).";
            TestContext.Progress.WriteLine(banner);
            TestContext.Out.WriteLine(banner);
            var generator = new HostileRequestGenerator(seed);
            var failures = new List<string>();
            var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count && failures.Count < 10; i++)
            {
                var request = generator.Next();
                var viaContext = generator.Chance(0.2);
                var problem = viaContext
                    ? await CheckContextAsync(request, generator.Chance(0.5), mustSucceed: false, outcomes)
                    : await CheckWebhookAsync(request, mustSucceed: false, outcomes);
                Report(failures, seed, i, request, problem);
                if (i % 4 == 0)
                {
                    var control = generator.Control();
                    Report(failures, seed, i, control, await CheckWebhookAsync(control, mustSucceed: true, outcomes));
                }
                if (i % 16 == 0)
                {
                    var control = generator.Control();
                    Report(failures, seed, i, control, await CheckContextAsync(control, asJson: i % 32 == 0, mustSucceed: true, outcomes));
                }
            }
            TestContext.Progress.WriteLine($"Hostile-input test: {count} requests (plus controls) in {clock.Elapsed.TotalSeconds:F1} s; " +
                string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
            Assert.That(failures.Count, Is.Zero, string.Join(Environment.NewLine + Environment.NewLine, failures));
        }

        private async Task<string?> CheckWebhookAsync(HostileRequest request, bool mustSucceed, IDictionary<string, int> outcomes)
        {
            var (response, elapsed) = await TimedAsync(async () => (HttpResponseMessage?)await _host.SendAsync(request.ToMessage()));
            var invocations = _recorder.Drain();
            if (response == null)
            {
                return $"no answer within {(Limit + Limit).TotalSeconds} s";
            }
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            Count(outcomes, $"webhook {status}{(IsHandshake(request) ? " handshake" : invocations.Count > 0 ? " ran" : string.Empty)}");
            return status >= 500 ? $"answered {status}: {body}"
                : elapsed > Limit ? $"took {elapsed.TotalSeconds:F1} s"
                : mustSucceed && status != 200 ? $"control request answered {status}: {body}"
                : status >= 400 && invocations.Count > 0 ? $"answered {status} but ran {invocations[0].Function}"
                : status < 300 && !IsHandshake(request) && invocations.Count != 1 ? $"answered {status} but ran {invocations.Count} functions: the event was lost"
                : CheckInvocations(request, invocations);
        }

        private async Task<string?> CheckContextAsync(HostileRequest request, bool asJson, bool mustSucceed, IDictionary<string, int> outcomes)
        {
            Exception? error = null;
            var (_, elapsed) = await TimedAsync(async () =>
            {
                try
                {
                    await HostileHost.CallContextAsync(_host, request.ToMessage(), asJson);
                }
                catch (Exception e)
                {
                    error = e;
                }
                return (HttpResponseMessage?)null;
            });
            var invocations = _recorder.Drain();
            if (error != null || elapsed > Limit || invocations.Count != 1 || invocations[0].Value == null)
            {
                return $"context function: {error?.ToString() ?? $"{invocations.Count} invocations in {elapsed.TotalSeconds:F1} s"}";
            }
            var outcome = ContextOutcome.Of(invocations[0].Value!);
            Count(outcomes, $"context {outcome.Status}{(outcome.IsPreflight ? " preflight" : outcome.HasError ? string.Empty : " parsed")}{(asJson ? " (JSON)" : string.Empty)}");
            return outcome.Status >= 500 ? $"context response {outcome.Status}: {outcome.ErrorMessage}"
                : mustSucceed && (outcome.HasError || outcome.Status != 200) ? $"control request's context: {outcome.Status} {outcome.ErrorMessage}"
                : !outcome.HasError && outcome.Request == null ? "context without error has no request"
                : outcome.HasError || outcome.IsPreflight ? null
                : CheckInvocations(request, new[] { new Invocation(invocations[0].Function, outcome.Request) });
        }

        /// <summary>Whatever a function got is non-null and comes from a request signed for its own connection id.</summary>
        private static string? CheckInvocations(HostileRequest request, IReadOnlyList<Invocation> invocations)
        {
            foreach (var invocation in invocations)
            {
                if (invocation.Value == null)
                {
                    return $"{invocation.Function} was invoked with null";
                }
                if (request.MustNotInvoke)
                {
                    return $"{invocation.Function} ran for an unauthentic request";
                }
                if (!SignatureOracle.IsAuthentic(invocation.Value))
                {
                    return $"{invocation.Function} ran for a request whose signature does not match its connection id";
                }
            }
            return null;
        }

        private static async Task<(HttpResponseMessage? Response, TimeSpan Elapsed)> TimedAsync(Func<Task<HttpResponseMessage?>> send)
        {
            var clock = Stopwatch.StartNew();
            var task = send();
            // A hang must fail the run, not block it: give up on the request after twice the limit.
            var finished = await Task.WhenAny(task, Task.Delay(Limit + Limit)) == task;
            return (finished ? await task : null, finished ? clock.Elapsed : Limit + Limit);
        }

        private static void Report(List<string> failures, int seed, int index, HostileRequest request, string? problem)
        {
            if (problem != null)
            {
                failures.Add($"seed {seed}, request #{index}: {problem}{Environment.NewLine}  {request}");
            }
        }

        // The webhook treats GET as the legacy handshake too.
        private static bool IsHandshake(HostileRequest request) => request.Method == HttpMethod.Options || request.Method == HttpMethod.Get;

        private static void Count(IDictionary<string, int> outcomes, string outcome) =>
            outcomes[outcome] = outcomes.TryGetValue(outcome, out var n) ? n + 1 : 1;

        private static int Setting(string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
