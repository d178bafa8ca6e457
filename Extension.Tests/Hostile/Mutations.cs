using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// The ways a generated request is broken. Each strategy is one short method that changes the request in
    /// one way; the generator applies one to three of them. Strategies that make a request unauthentic set
    /// <see cref="HostileRequest.MustNotInvoke"/>.
    /// </summary>
    internal static class Mutations
    {
        public static readonly (string Name, Action<HostileRequest, Random> Apply)[] All =
        {
            ("drop header", DropHeader),
            ("duplicate header", DuplicateHeader),
            ("garble header", GarbleHeader),
            ("oversize header", OversizeHeader),
            ("break signature", BreakSignature),
            ("foreign origin", ForeignOrigin),
            ("many origins and signatures", ManyOriginsAndSignatures),
            ("truncate body", TruncateBody),
            ("corrupt bytes", CorruptBytes),
            ("replace JSON value", ReplaceJsonValue),
            ("huge body", HugeBody),
            ("deep nesting", DeepNesting),
            ("wrong content type", WrongContentType),
            ("garbage states", GarbageStates),
            ("MQTT shape", MqttShape),
            ("wrong method", WrongMethod),
            ("swap event type", SwapEventType),
        };

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

        /// <summary>A signature of another id, another key, cut short, upper-cased, or none at all.</summary>
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

        private static void TruncateBody(HostileRequest request, Random random) => request.Body = request.Body.Take(random.Next(0, request.Body.Length + 1)).ToArray();

        /// <summary>Random bytes at random places, often invalid UTF-8 (0xC0, 0xFF, a lone continuation byte).</summary>
        private static void CorruptBytes(HostileRequest request, Random random)
        {
            var bytes = request.Body.ToList();
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                var bad = random.Next(3) == 0 ? (byte)random.Next(256) : Pick(random, new byte[] { 0xC0, 0xFF, 0x80, 0xED, 0x00 });
                bytes.Insert(random.Next(bytes.Count + 1), bad);
            }
            request.Body = bytes.ToArray();
        }

        /// <summary>One value anywhere in a JSON body becomes null, the wrong type or something odd.</summary>
        private static void ReplaceJsonValue(HostileRequest request, Random random)
        {
            var odd = Pick(random, OddJson);
            if (!TryEditJson(request, root => Descendants(root).ToList() is { Count: > 0 } nodes ? Replace(root, Pick(random, nodes), odd) : odd))
            {
                request.Body = Encoding.UTF8.GetBytes(odd);
            }
        }

        private static string Replace(JsonNode root, JsonNode target, string odd)
        {
            // A placeholder goes into the tree and the odd text replaces it afterwards: the odd text need not be
            // something JsonNode can hold or write (a lone surrogate escape, a number out of range).
            const string placeholder = "__hostile__";
            if (target.Parent is JsonObject parent)
            {
                parent[target.GetPropertyName()] = placeholder;
            }
            else if (target.Parent is JsonArray array)
            {
                array[target.GetElementIndex()] = placeholder;
            }
            return root.ToJsonString().Replace("\"" + placeholder + "\"", odd);
        }

        private static void HugeBody(HostileRequest request, Random random)
        {
            var size = random.Next(1, 3) * 1024 * 1024;
            request.Body = random.Next(2) == 0
                ? Encoding.UTF8.GetBytes("{\"claims\":{\"a\":[" + string.Join(",", Enumerable.Repeat("\"xxxxxxxx\"", size / 11)) + "]}}")
                : Enumerable.Repeat((byte)'a', size).ToArray();
        }

        private static void DeepNesting(HostileRequest request, Random random)
        {
            var depth = random.Next(50, 20_000);
            var deep = random.Next(2) == 0 ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
            request.Body = Encoding.UTF8.GetBytes(random.Next(2) == 0 ? deep : "{\"claims\":" + deep + "}");
        }

        private static void WrongContentType(HostileRequest request, Random random) => request.ContentType = Pick(random, new[]
        {
            null, "", "application/xml", "text/plain", "application/json; charset=utf-16", "???", "application/", "multipart/form-data; boundary=x",
            "application/octet-stream", "APPLICATION/JSON", "application/cloudevents+json", Garbage(random, 30),
        });

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

        /// <summary>MQTT headers on a WebSocket request, MQTT requests without their mqtt section or physical id.</summary>
        private static void MqttShape(HostileRequest request, Random random)
        {
            switch (random.Next(3))
            {
                case 0:
                    request.Set("ce-subprotocol", "mqtt");
                    request.Set("ce-physicalConnectionId", random.Next(4) == 0 ? " " : "phys");
                    break;
                case 1:
                    request.Set("ce-physicalConnectionId", null);
                    break;
                default:
                    TryEditJson(request, root =>
                    {
                        (root as JsonObject)?.Remove("mqtt");
                        return root.ToJsonString();
                    });
                    break;
            }
        }

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

        private static readonly string[] OddJson =
        {
            "null", "[]", "[null]", "{}", "\"\"", "0", "-1", "1e400", "true", "\"text\"", "[[[]]]", "{\"a\":null}",
            "[{\"thumbprint\":null}]", "[{\"name\":null,\"value\":null}]", "{\"protocolVersion\":\"5\"}", "99999999999999999999",
            "\"\\ud800\"", "\"" + new string('x', 5000) + "\"",
        };

        /// <summary>Replaces a JSON body by an edit of it; false when the body is not JSON that JsonNode can handle.</summary>
        private static bool TryEditJson(HostileRequest request, Func<JsonNode, string> edit)
        {
            try
            {
                if (JsonNode.Parse(request.Body) is not { } root)
                {
                    return false;
                }
                request.Body = Encoding.UTF8.GetBytes(edit(root));
                return true;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
            {
                // Earlier mutations left invalid UTF-8 or a lone surrogate escape, which JsonNode reads lazily.
                return false;
            }
        }

        private static IEnumerable<JsonNode> Descendants(JsonNode node)
        {
            var children = node switch
            {
                JsonObject obj => obj.Select(p => p.Value),
                JsonArray array => array,
                _ => Enumerable.Empty<JsonNode?>(),
            };
            foreach (var child in children.OfType<JsonNode>())
            {
                yield return child;
                foreach (var descendant in Descendants(child))
                {
                    yield return descendant;
                }
            }
        }

        /// <summary>Text with control characters, non-ASCII letters, emoji and lone surrogates; never CR or LF, which HTTP cannot carry.</summary>
        internal static string Garbage(Random random, int length)
        {
            const string alphabet = "abcXYZ019 ,;=\"'\\/{}[]:\t\u0000\u0001\u007f\u00e9\u4e2d\u0430%+*?<>&\ud83d\ude00\ud800";
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }
            return builder.ToString();
        }

        private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }
}
