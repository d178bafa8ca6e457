using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common
{
    /// <summary>
    /// The connect body's name → strings maps and string lists are read by our converters; whatever the JSON, they
    /// must give what System.Text.Json's own converters give: the same values, or a JsonException where it throws.
    /// </summary>
    public class StringValuesConverterTests
    {
        private static readonly JsonSerializerOptions Ours = new()
        {
            PropertyNameCaseInsensitive = true, // as the model's JSON context
            Converters = { new StringArrayMapJsonConverter(), new StringArrayJsonConverter(), new ClientCertificatesJsonConverter() },
        };

        private static readonly JsonSerializerOptions Serializers = new() { PropertyNameCaseInsensitive = true };

        private static readonly string[] Maps =
        {
            "{}", "{\"a\":[\"x\"]}", "{\"a\":[]}", "{\"a\":null}", "{\"a\":[\"x\",null]}", "{\"a\":[null]}",
            "{\"a\":\"x\"}", "{\"a\":1}", "{\"a\":true}", "{\"a\":[1]}", "{\"a\":[true]}", "{\"a\":[[\"x\"]]}", "{\"a\":[{}]}",
            "{\"a\":{}}", "{\"a\":[\"x\"],\"a\":[\"y\"]}", "{\"a\":[\"x\"],\"b\":[\"y\",\"z\"],\"A\":[\"w\"]}",
            "[]", "\"x\"", "1", "true", "{\"a\":[\"\\u0000\\ud83d\\ude00é\"]}", "{\"\":[\"\"]}",
            "{ \"a\" : [ \"x\" , \"y\" ] }", "{\"a\":[\"x\",]}", "{\"a\":[\"x\"],}", "{\"a\":[\"x\"]", "{\"a\":[\"x\"",
            "{\"a\":[\"x\"]} ", "{\"a\":[\"x\"]}x", "{\"a\":[\"x\" \"y\"]}",
        };

        private static readonly string[] Lists =
        {
            "[]", "[\"a\"]", "[\"a\",\"b\",\"c\"]", "[null]", "[\"a\",null]", "[\"a\",1]", "[1]", "[[]]", "[{}]", "[\"a\",[\"b\"]]",
            "\"a\"", "{}", "1", "[\"a\",]", "[\"a\"", "[\"\\ud800\"]",
        };

        private static readonly string[] Certificates =
        {
            "[]", "[null]", "[{}]", "[{\"thumbprint\":\"a\"}]", "[{\"Thumbprint\":\"a\",\"CONTENT\":\"b\"}]", "[{\"thumbprint\":null}]",
            "[{\"thumbprint\":1}]", "[{\"thumbprint\":[\"a\"]}]", "[{\"thumbprint\":{}}]", "[{\"x\":{\"y\":[1,{\"z\":null}]},\"thumbprint\":\"t\"}]",
            "[{\"thumbprint\":\"a\",\"thumbprint\":\"b\"}]", "[\"a\"]", "[1]", "[[]]", "{}", "\"a\"", "[{\"thumbprint\":\"a\"},]",
            "[{\"thumbprint\":\"a\"},null,{\"content\":\"c\"}]", "[{\"thumbprint\":\"\u00e9\\u00e9\"}]", "[{\"thumbprint\":\"a\"", "[{\"thumbprint\" \"a\"}]",
        };

        [TestCaseSource(nameof(Certificates))]
        public void CertificatesReadAsTheSerializerReadsThem(string json) =>
            AssertSame(json, () => JsonSerializer.Deserialize<List<ClientCertificateContent>>(json, Serializers),
                () => JsonSerializer.Deserialize<IReadOnlyList<ClientCertificateContent>>(json, Ours));

        [Test]
        public void CertificatesWriteAsTheSerializerWritesThem()
        {
            var certificates = new List<ClientCertificateContent>
            {
                new() { Thumbprint = "a1", Content = "-----BEGIN CERTIFICATE-----\n<&>" },
                null!,
                new() { Thumbprint = "b2" },
            };
            Assert.That(JsonSerializer.Serialize<IReadOnlyList<ClientCertificateContent>>(certificates, Ours),
                Is.EqualTo(JsonSerializer.Serialize(certificates, Serializers)));
        }

        [TestCaseSource(nameof(Maps))]
        public void MapsReadAsTheSerializerReadsThem(string json) =>
            AssertSame(json, () => JsonSerializer.Deserialize<Dictionary<string, string[]>>(json), () => JsonSerializer.Deserialize<IReadOnlyDictionary<string, string[]>>(json, Ours));

        [TestCaseSource(nameof(Lists))]
        public void ListsReadAsTheSerializerReadsThem(string json) =>
            AssertSame(json, () => JsonSerializer.Deserialize<List<string>>(json), () => JsonSerializer.Deserialize<IReadOnlyList<string>>(json, Ours));

        [Test]
        public void ListsAreExactlySizedArrays()
        {
            var list = JsonSerializer.Deserialize<IReadOnlyList<string>>("[\"a\",\"b\",\"c\"]", Ours);
            Assert.That(list, Is.InstanceOf<string[]>().And.EqualTo(new[] { "a", "b", "c" }));
            var map = JsonSerializer.Deserialize<IReadOnlyDictionary<string, string[]>>("{\"sub\":[\"u\"],\"role\":[\"r1\",\"r2\"]}", Ours)!;
            Assert.That(map["role"], Is.EqualTo(new[] { "r1", "r2" }));
        }

        [Test]
        public void KnownNamesAndValuesAreSharedInstances()
        {
            var map = JsonSerializer.Deserialize<IReadOnlyDictionary<string, string[]>>(
                "{\"Host\":[\"h\"],\"Upgrade\":[\"websocket\"],\"X-Custom\":[\"json.webpubsub.azure.v1\"]}", Ours)!;
            string host = map.Keys.First(k => k == "Host");
            Assert.That(ReferenceEquals(host, KnownString("Host")), Is.True, "a known name");
            Assert.That(ReferenceEquals(map["Upgrade"][0], KnownString("websocket")), Is.True, "a known value");
            Assert.That(ReferenceEquals(map["X-Custom"][0], KnownString("json.webpubsub.azure.v1")), Is.True, "known values under any name");
            Assert.That(map["Host"][0], Is.EqualTo("h"));

            // Escaped, or merely similar, text is read as written.
            var escaped = JsonSerializer.Deserialize<IReadOnlyList<string>>("[\"mq\\u0074t\",\"MQTT\",\"mqtt \",\"mqt\"]", Ours)!;
            Assert.That(escaped, Is.EqualTo(new[] { "mqtt", "MQTT", "mqtt ", "mqt" }));
        }

        private static string KnownString(string value)
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
            reader.Read();
            return KnownStrings.Read(ref reader);
        }

        [Test]
        public void WritingGivesTheSerializersJson()
        {
            var map = new Dictionary<string, string[]> { ["a"] = new[] { "x", "é" }, ["b"] = Array.Empty<string>() };
            Assert.That(JsonSerializer.Serialize<IReadOnlyDictionary<string, string[]>>(map, Ours), Is.EqualTo(JsonSerializer.Serialize(map)));
            var list = new[] { "json.webpubsub.azure.v1", "<&>" };
            Assert.That(JsonSerializer.Serialize<IReadOnlyList<string>>(list, Ours), Is.EqualTo(JsonSerializer.Serialize(list)));
        }

        private static void AssertSame<TExpected, TActual>(string json, Func<TExpected> serializers, Func<TActual> ours)
        {
            var (expected, expectedError) = Run(serializers);
            var (actual, actualError) = Run(ours);
            Assert.That(actualError?.GetType(), Is.EqualTo(expectedError?.GetType()), $"{json}: {expectedError?.Message} / {actualError?.Message}");
            Assert.That(JsonSerializer.Serialize(actual), Is.EqualTo(JsonSerializer.Serialize(expected)), json);
        }

        private static (object? Value, Exception? Error) Run<T>(Func<T> read)
        {
            try
            {
                return (read(), null);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return (null, e);
            }
        }
    }
}
