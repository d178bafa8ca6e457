using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace WebPubSubStandIn.Upstream
{
    /// <summary>
    /// The abuse-protection handshake: one <c>OPTIONS</c> per handler URL (with <c>{event}</c> = <c>validate</c>)
    /// before its first event, carrying <c>WebHook-Request-Origin</c> and <c>ce-awpsversion: 1.0</c>; valid when 2xx
    /// with <c>WebHook-Allowed-Origin</c> = <c>*</c> or the origin. A success is remembered; a failure fails the
    /// event and is retried on the next one (so a handler that starts later still works).
    /// </summary>
    public sealed class AbuseProtection
    {
        private readonly ConcurrentDictionary<Uri, Lazy<Task<string?>>> _checks = new ConcurrentDictionary<Uri, Lazy<Task<string?>>>();
        private readonly HttpClient _http;
        private readonly string _origin;
        private readonly TimeSpan _timeout;
        private readonly ILogger _logger;

        public AbuseProtection(HttpClient http, string origin, TimeSpan timeout, ILogger logger)
        {
            _http = http;
            _origin = origin;
            _timeout = timeout;
            _logger = logger;
        }

        /// <returns>null when the handler is validated, else why not.</returns>
        public async Task<string?> EnsureValidatedAsync(Uri validateUrl)
        {
            var check = _checks.GetOrAdd(validateUrl, url => new Lazy<Task<string?>>(() => ValidateAsync(url)));
            var error = await check.Value.ConfigureAwait(false);
            if (error != null)
            {
                _checks.TryRemove(new System.Collections.Generic.KeyValuePair<Uri, Lazy<Task<string?>>>(validateUrl, check));
            }
            return error;
        }

        private async Task<string?> ValidateAsync(Uri url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, url);
            request.Headers.TryAddWithoutValidation("WebHook-Request-Origin", _origin);
            request.Headers.TryAddWithoutValidation("ce-awpsversion", "1.0");
            string? error;
            try
            {
                using var timeout = new CancellationTokenSource(_timeout);
                using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                var allowed = response.Headers.TryGetValues("WebHook-Allowed-Origin", out var values)
                    ? values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray()
                    : Array.Empty<string>();
                error = !response.IsSuccessStatusCode
                    ? $"abuse protection OPTIONS {url} answered {(int)response.StatusCode}"
                    : allowed.Any(a => a == "*" || string.Equals(a, _origin, StringComparison.OrdinalIgnoreCase))
                        ? null
                        : $"abuse protection OPTIONS {url} did not allow origin '{_origin}' (WebHook-Allowed-Origin: '{string.Join(",", allowed)}')";
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException)
            {
                error = $"abuse protection OPTIONS {url} failed: {ex.Message}";
            }

            if (error == null)
            {
                _logger.LogInformation("Event handler {Url} validated (abuse protection).", url);
            }
            else
            {
                _logger.LogWarning("Event handler validation failed: {Error}", error);
            }
            return error;
        }
    }
}
