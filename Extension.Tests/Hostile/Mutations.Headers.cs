using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>Strategies on the request line and headers: CloudEvents headers, origin, signature, states, method.</summary>
    internal static partial class Mutations
    {
        private static readonly string[] CloudEventHeaders =
        {
            "ce-type", "ce-hub", "ce-connectionId", "ce-eventName", "ce-signature", "ce-userId", "ce-subprotocol",
            "ce-connectionState", "ce-physicalConnectionId", "ce-sessionId", "WebHook-Request-Origin", "ce-specversion",
        };

        private static void DropHeader(HostileRequest request, Random random) => request.Set(Pick(random, CloudEventHeaders), null);

        private static void DuplicateHeader(HostileRequest request, Random random)
        {
            var name = Pick(random, CloudEventHeaders);
            var value = random.Next(2) == 0 ? request.Get(name) ?? "x" : Garbage(random, 20);
            request.Headers.Add(new KeyValuePair<string, string>(name, value));
        }

        private static void GarbleHeader(HostileRequest request, Random random) => request.Set(Pick(random, CloudEventHeaders), Garbage(random, random.Next(0, 64)));

        /// <summary>64 KB, twice what servers usually allow for all headers together.</summary>
        private static void OversizeHeader(HostileRequest request, Random random) =>
            request.Set(Pick(random, CloudEventHeaders), new string(Pick(random, new[] { 'a', '=', ',', ' ', '\u00e9' }), 64 * 1024));

        /// <summary>A signature of another id or key, cut short, garbage, or none at all.</summary>
        private static void BreakSignature(HostileRequest request, Random random)
        {
            var valid = Sign(request.Get("ce-connectionId") ?? string.Empty, AccessKey);
            request.Set("ce-signature", random.Next(5) switch
            {
                0 => Sign("other-connection", AccessKey),
                1 => Sign(request.Get("ce-connectionId") ?? string.Empty, "not-the-key"),
                2 => valid.Substring(0, valid.Length - 2),
                3 => "sha256=" + Garbage(random, 64),
                _ => null,
            });
            request.MustNotInvoke = true;
        }

        private static void ForeignOrigin(HostileRequest request, Random random)
        {
            request.Set("WebHook-Request-Origin", random.Next(2) == 0 ? "evil.example.com" : "evil.example.com," + Garbage(random, 10));
            request.MustNotInvoke = true;
        }

        /// <summary>The origin thousands of times, and the signature among thousands of others: as authentic as before.</summary>
        private static void ManyOriginsAndSignatures(HostileRequest request, Random random)
        {
            var count = random.Next(100, 3000);
            var origin = request.Get("WebHook-Request-Origin")?.Split(',')[0];
            request.Set("WebHook-Request-Origin", origin == null ? null : string.Join(",", Enumerable.Repeat(origin, count)));
            var signature = request.Get("ce-signature");
            signature = signature?.Substring(Math.Max(0, signature.Length - 200));
            request.Set("ce-signature", string.Join(",", Enumerable.Repeat("sha256=" + new string('0', 64), count)) + (signature == null ? string.Empty : "," + signature));
        }

        /// <summary>Garbage, or a valid states header (which must keep working), in ce-connectionState.</summary>
        private static void GarbageStates(HostileRequest request, Random random) => request.Set("ce-connectionState", random.Next(6) switch
        {
            0 => EncodeStates(new Dictionary<string, string> { ["k"] = "\"v\"" }),
            1 => Convert.ToBase64String(Encoding.UTF8.GetBytes(Pick(random, OddJson))),
            2 => Convert.ToBase64String(Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "{\"k\":\"\\ud800\"}" : "{\"\\ud800\":\"AA==\"}")),
            3 => Convert.ToBase64String(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (byte)random.Next(256)).ToArray()),
            4 => string.Empty,
            _ => Garbage(random, random.Next(1, 200)),
        });

        private static void WrongMethod(HostileRequest request, Random random) =>
            request.Method = Pick(random, new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Options, HttpMethod.Patch, HttpMethod.Head });

        /// <summary>A body meant for one event under the headers of another (or of no known event).</summary>
        private static void SwapEventType(HostileRequest request, Random random)
        {
            var (type, name) = Pick(random, new[]
            {
                ("azure.webpubsub.sys.connect", "connect"), ("azure.webpubsub.sys.disconnected", "disconnected"),
                ("azure.webpubsub.sys.connected", "connected"), ("azure.webpubsub.user.message", "message"),
                ("azure.webpubsub.gp.joined", "joined"), ("azure.webpubsub.gp.left", "left"), ("azure.webpubsub.gp.other", "other"),
                ("azure.webpubsub.sys.future", "future"), ("com.example.other", "connect"), ("azure.webpubsub.sys.connect", "CONNECT"),
            });
            request.Set("ce-type", type);
            request.Set("ce-eventName", name);
        }
    }
}
