using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>Strategies on the body and its Content-Type: broken, odd, huge and deeply nested JSON, invalid UTF-8, MQTT sections.</summary>
    internal static partial class Mutations
    {
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
    }
}
