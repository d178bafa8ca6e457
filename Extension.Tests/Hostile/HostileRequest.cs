using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// A webhook request under construction: a valid one from <see cref="BaseRequests"/>, then changed by
    /// <see cref="Mutations"/>. Kept as plain data (headers as a list, so they can repeat) until it is sent.
    /// </summary>
    internal sealed class HostileRequest
    {
        public HttpMethod Method { get; set; } = HttpMethod.Post;

        public List<KeyValuePair<string, string>> Headers { get; } = new();

        public byte[] Body { get; set; } = Array.Empty<byte>();

        /// <summary>The raw Content-Type value; null for none.</summary>
        public string? ContentType { get; set; }

        /// <summary>Set by mutations that make the request unauthentic: no function may run for it.</summary>
        public bool MustNotInvoke { get; set; }

        /// <summary>What was done to the request, for the failure report.</summary>
        public List<string> Steps { get; } = new();

        public string? Get(string name) => Headers.FirstOrDefault(h => Is(h.Key, name)).Value;

        public void Set(string name, string? value)
        {
            Headers.RemoveAll(h => Is(h.Key, name));
            if (value != null)
            {
                Headers.Add(new KeyValuePair<string, string>(name, value));
            }
        }

        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(Method, Infrastructure.CloudEventRequests.WebhookUri);
            if (Body.Length > 0 || ContentType != null)
            {
                message.Content = new ByteArrayContent(Body);
                if (ContentType != null)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
                }
            }
            foreach (var header in Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            return message;
        }

        public override string ToString() =>
            $"{Method} [{string.Join(" | ", Steps)}] headers: {string.Join(", ", Headers.Select(h => $"{h.Key}={Short(h.Value)}"))}; " +
            $"Content-Type: {ContentType ?? "(none)"}; body ({Body.Length} bytes): {Short(System.Text.Encoding.UTF8.GetString(Body))}";

        private static string Short(string value) => value.Length <= 120 ? value : value.Substring(0, 120) + "...";

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
