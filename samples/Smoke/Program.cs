using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Config;
using Microsoft.Azure.WebJobs.Host.Indexers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WebPubSub.Smoke
{
    /// <summary>
    /// Starts a real WebJobs host with the Web PubSub extension, captures its webhook converter the way the
    /// Functions host does (<c>IWebHookProvider</c>), and sends it what the service sends to
    /// <c>/runtime/webhooks/webpubsub</c>: the abuse-protection OPTIONS, a signed connect event and a signed user
    /// event; then negotiates a client URL. Prints every answer; exits non-zero when one is not the expected one.
    /// </summary>
    public static class Program
    {
        private const string ServiceHost = "smoke.webpubsub.azure.com";

        // A demo key for a made-up endpoint; it signs the smoke requests and is never printed.
        private const string AccessKey = "c21va2UtZGVtby1rZXktbm90LWEtc2VjcmV0LTAwMDA=";

        private static readonly Uri WebhookUrl = new("http://localhost:7071/runtime/webhooks/webpubsub");

        private static int _failures;

        public static async Task<int> Main()
        {
            var webhooks = new SmokeWebHookProvider();
            using var host = new HostBuilder()
                .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["WebPubSubConnectionString"] = $"Endpoint=https://{ServiceHost};AccessKey={AccessKey};Version=1.0;",
                }))
                // Host and extension warnings go to stderr, the smoke report to stdout.
                .ConfigureLogging(l => l
                    .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                    .AddSimpleConsole(o => o.SingleLine = true)
                    .SetMinimumLevel(LogLevel.Warning))
                .ConfigureServices(s =>
                {
#pragma warning disable CS0618 // IWebHookProvider is marked "not ready"; it is how the Functions host receives webhook converters.
                    s.AddSingleton<IWebHookProvider>(webhooks);
#pragma warning restore CS0618
                    s.AddSingleton<ITypeLocator>(new SmokeTypeLocator(typeof(SmokeFunctions)));
                })
                .ConfigureWebJobs(b => b.AddWebPubSub())
                .Build();

            await host.StartAsync().ConfigureAwait(false);
            try
            {
                var webhook = webhooks.Converter;
                if (webhook == null)
                {
                    Console.WriteLine("FAIL  the extension did not register a webhook with the host");
                    return 1;
                }
                Console.WriteLine($"Webhook registered as {webhooks.Url} (extension: {webhooks.ExtensionType})");
                Console.WriteLine();

                await RunWebhookAsync(webhook).ConfigureAwait(false);
                await NegotiateAsync((JobHost)host.Services.GetRequiredService<IJobHost>()).ConfigureAwait(false);
            }
            finally
            {
                await host.StopAsync().ConfigureAwait(false);
            }

            Console.WriteLine();
            Console.WriteLine(_failures == 0 ? "Smoke: all answers as expected." : $"Smoke: {_failures} unexpected answer(s).");
            return _failures == 0 ? 0 : 1;
        }

        private static async Task RunWebhookAsync(IAsyncConverter<HttpRequestMessage, HttpResponseMessage> webhook)
        {
            // 1. Abuse protection: the service asks before it delivers events.
            var options = new HttpRequestMessage(HttpMethod.Options, WebhookUrl);
            options.Headers.TryAddWithoutValidation("WebHook-Request-Origin", ServiceHost);
            using (var response = await webhook.ConvertAsync(options, CancellationToken.None).ConfigureAwait(false))
            {
                var allowed = response.Headers.TryGetValues("WebHook-Allowed-Origin", out var values) ? string.Join(", ", values) : "(none)";
                await ReportAsync("OPTIONS abuse protection", response, $"WebHook-Allowed-Origin: {allowed}").ConfigureAwait(false);
                Expect(response.StatusCode == HttpStatusCode.OK, "status 200");
                Expect(allowed == ServiceHost, $"WebHook-Allowed-Origin is {ServiceHost}");
            }

            // 2. A signed connect event: the function accepts the user and puts it in "lobby".
            var connectBody = "{\"claims\":{\"sub\":[\"smoke-user\"]},\"query\":{\"room\":[\"1\"]},\"subprotocols\":[],\"clientCertificates\":[],\"headers\":{}}";
            var connect = Event("azure.webpubsub.sys.connect", "connect", "conn-smoke-1", "smoke-user",
                new StringContent(connectBody, Encoding.UTF8, "application/json"));
            using (var response = await webhook.ConvertAsync(connect, CancellationToken.None).ConfigureAwait(false))
            {
                var body = await ReportAsync("POST connect", response).ConfigureAwait(false);
                Expect(response.StatusCode == HttpStatusCode.OK, "status 200");
                using var json = TryParse(body);
                Expect(json?.RootElement.TryGetProperty("userId", out var userId) == true && userId.GetString() == "smoke-user", "userId is smoke-user");
                Expect(json?.RootElement.TryGetProperty("groups", out var groups) == true && groups.ValueKind == JsonValueKind.Array
                    && groups.EnumerateArray().Select(g => g.GetString()).SequenceEqual(new[] { "lobby" }), "groups are [lobby]");
            }

            // 2b. A connect without a user: the function refuses it with its own error response.
            var anonymous = Event("azure.webpubsub.sys.connect", "connect", "conn-smoke-2", null,
                new StringContent(connectBody, Encoding.UTF8, "application/json"));
            using (var response = await webhook.ConvertAsync(anonymous, CancellationToken.None).ConfigureAwait(false))
            {
                var body = await ReportAsync("POST connect without a user", response).ConfigureAwait(false);
                Expect(response.StatusCode == HttpStatusCode.Unauthorized, "status 401");
                Expect(body == "sign in first", "body is the function's message");
            }

            // 3. A signed user event: the function echoes the text.
            var message = Event("azure.webpubsub.user.message", "message", "conn-smoke-1", "smoke-user",
                new StringContent("hello", Encoding.UTF8, "text/plain"));
            using (var response = await webhook.ConvertAsync(message, CancellationToken.None).ConfigureAwait(false))
            {
                var body = await ReportAsync("POST user event 'message'", response).ConfigureAwait(false);
                Expect(response.StatusCode == HttpStatusCode.OK, "status 200");
                Expect(body == "echo (Text): hello", "body is the echo");
                Expect(response.Content.Headers.ContentType?.MediaType == "text/plain", "content type text/plain");
            }

            // 4. Refusals the service (or an attacker) can meet.
            var forged = Event("azure.webpubsub.user.message", "message", "conn-smoke-1", "smoke-user",
                new StringContent("hello", Encoding.UTF8, "text/plain"), signingKey: "not-the-key");
            using (var response = await webhook.ConvertAsync(forged, CancellationToken.None).ConfigureAwait(false))
            {
                await ReportAsync("POST user event with a wrong signature", response).ConfigureAwait(false);
                Expect(response.StatusCode == HttpStatusCode.Unauthorized, "status 401");
            }

            var foreign = new HttpRequestMessage(HttpMethod.Options, WebhookUrl);
            foreign.Headers.TryAddWithoutValidation("WebHook-Request-Origin", "someone-else.webpubsub.azure.com");
            using (var response = await webhook.ConvertAsync(foreign, CancellationToken.None).ConfigureAwait(false))
            {
                await ReportAsync("OPTIONS from an unknown origin", response).ConfigureAwait(false);
                Expect(response.StatusCode == HttpStatusCode.BadRequest, "status 400");
            }

            var unrouted = Event("azure.webpubsub.user.typing", "typing", "conn-smoke-1", "smoke-user",
                new StringContent("...", Encoding.UTF8, "text/plain"));
            using (var response = await webhook.ConvertAsync(unrouted, CancellationToken.None).ConfigureAwait(false))
            {
                await ReportAsync("POST user event nobody handles", response).ConfigureAwait(false);
                Expect(response.StatusCode == HttpStatusCode.NotFound, "status 404");
            }
        }

        private static async Task NegotiateAsync(JobHost jobHost)
        {
            await jobHost.CallAsync(nameof(SmokeFunctions) + "." + nameof(SmokeFunctions.Negotiate), new { userid = "smoke-user" }).ConfigureAwait(false);
            var connection = SmokeFunctions.LastConnection;
            Console.WriteLine("== negotiate (JobHost.CallAsync, [WebPubSubConnection(Hub = \"chat\", UserId = \"{userid}\")])");
            if (connection == null)
            {
                Expect(false, "the function received a connection");
                return;
            }
            var token = connection.AccessToken ?? string.Empty;
            Console.WriteLine($"   url: {connection.BaseUri}?access_token=<elided, {token.Length} chars>");
            var claims = TokenClaims(token);
            var subject = claims?.RootElement.TryGetProperty("sub", out var sub) == true ? sub.GetString() : null;
            var audience = claims?.RootElement.TryGetProperty("aud", out var aud) == true ? aud.GetString() : null;
            var expires = claims?.RootElement.TryGetProperty("exp", out var exp) == true && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds) - DateTimeOffset.UtcNow
                : (TimeSpan?)null;
            Console.WriteLine($"   token claims: sub={subject}, aud={audience}, expires in {expires?.TotalMinutes:F0} min");
            Expect(connection.BaseUri.ToString() == $"wss://{ServiceHost}/client/hubs/{SmokeFunctions.Hub}", "client URL for hub chat");
            Expect(connection.Uri.ToString() == $"{connection.BaseUri}?access_token={token}", "the URL carries the token");
            Expect(subject == "smoke-user", "token subject is the user id");
            Expect(audience == connection.BaseUri.ToString().Replace("wss://", "https://"), "token audience is the client endpoint");
            claims?.Dispose();
        }

        /// <summary>A binary-mode CloudEvents request, signed as the service signs it.</summary>
        private static HttpRequestMessage Event(string type, string eventName, string connectionId, string? userId, HttpContent content, string signingKey = AccessKey)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = content };
            var headers = new Dictionary<string, string?>
            {
                ["WebHook-Request-Origin"] = ServiceHost,
                ["ce-specversion"] = "1.0",
                ["ce-type"] = type,
                ["ce-source"] = $"/hubs/{SmokeFunctions.Hub}/client/{connectionId}",
                ["ce-id"] = Guid.NewGuid().ToString("N"),
                ["ce-time"] = DateTimeOffset.UtcNow.ToString("O"),
                ["ce-awpsversion"] = "1.0",
                ["ce-hub"] = SmokeFunctions.Hub,
                ["ce-connectionId"] = connectionId,
                ["ce-eventName"] = eventName,
                ["ce-userId"] = userId,
                ["ce-signature"] = Sign(signingKey, connectionId),
            };
            foreach (var header in headers)
            {
                if (header.Value != null)
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
            return request;
        }

        /// <summary><c>sha256=</c> + hex(HMAC-SHA256(UTF-8 key, UTF-8 connection id)).</summary>
        private static string Sign(string key, string connectionId)
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
            return "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(connectionId)));
        }

        private static async Task<string> ReportAsync(string title, HttpResponseMessage response, string? detail = null)
        {
            var body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            Console.WriteLine($"== {title}");
            var contentType = response.Content?.Headers.ContentType?.ToString();
            Console.WriteLine($"   {(int)response.StatusCode} {response.StatusCode}" + (contentType != null ? $" ({contentType})" : string.Empty));
            if (detail != null)
            {
                Console.WriteLine($"   {detail}");
            }
            if (body.Length > 0)
            {
                Console.WriteLine($"   body: {body}");
            }
            if (response.Headers.TryGetValues("ce-connectionState", out var states))
            {
                Console.WriteLine($"   ce-connectionState: {string.Join(", ", states)}");
            }
            return body;
        }

        private static void Expect(bool condition, string what)
        {
            Console.WriteLine($"   {(condition ? "ok  " : "FAIL")} {what}");
            if (!condition)
            {
                _failures++;
            }
        }

        private static JsonDocument? TryParse(string json)
        {
            try
            {
                return JsonDocument.Parse(json);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>The JWT's payload (claims only; the token itself is never printed).</summary>
        private static JsonDocument? TokenClaims(string token)
        {
            var parts = token.Split('.');
            if (parts.Length != 3)
            {
                return null;
            }
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - payload.Length % 4) % 4), '=');
            try
            {
                return JsonDocument.Parse(Convert.FromBase64String(payload));
            }
            catch (Exception e) when (e is FormatException || e is JsonException)
            {
                return null;
            }
        }
    }

#pragma warning disable CS0618 // IWebHookProvider is marked "not ready"; it is how the Functions host receives webhook converters.
    /// <summary>What the Functions host does with a webhook extension: keep it as the converter for its route.</summary>
    internal sealed class SmokeWebHookProvider : IWebHookProvider
#pragma warning restore CS0618
    {
        public IAsyncConverter<HttpRequestMessage, HttpResponseMessage>? Converter { get; private set; }

        public Uri? Url { get; private set; }

        public string? ExtensionType { get; private set; }

        public Uri GetUrl(IExtensionConfigProvider extension)
        {
            // The Functions host refuses extensions that are not converters; so does the smoke program.
            Converter = extension as IAsyncConverter<HttpRequestMessage, HttpResponseMessage>
                ?? throw new InvalidOperationException($"{extension.GetType().Name} is not an IAsyncConverter<HttpRequestMessage, HttpResponseMessage>.");
            ExtensionType = extension.GetType().Name;
            Url = new Uri("http://localhost:7071/runtime/webhooks/webpubsub");
            return Url;
        }
    }

    /// <summary>Indexes only the smoke functions.</summary>
    internal sealed class SmokeTypeLocator : ITypeLocator
    {
        private readonly Type[] _types;

        public SmokeTypeLocator(params Type[] types) => _types = types;

        public IReadOnlyList<Type> GetTypes() => _types;
    }
}
