using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Common
{
    public class ConnectionStatesEncodingTests
    {
        private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

        [Test]
        public void EncodeDecodeRoundTrips()
        {
            var states = new Dictionary<string, BinaryData>
            {
                ["json"] = BinaryData.FromString("{\"a\":[1,2]}"),
                ["text"] = BinaryData.FromString("plain"),
                ["bytes"] = BinaryData.FromBytes(new byte[] { 0, 1, 254, 255 }),
                ["empty"] = BinaryData.FromBytes(Array.Empty<byte>()),
            };

            var decoded = ConnectionStatesEncoding.Decode(ConnectionStatesEncoding.Encode(states));

            Assert.That(decoded.Keys, Is.EquivalentTo(states.Keys));
            foreach (var pair in states)
            {
                Assert.That(decoded[pair.Key].ToArray(), Is.EqualTo(pair.Value.ToArray()), pair.Key);
            }
        }

        [Test]
        public void EncodedFormIsBase64OfAnObjectOfBase64Values()
        {
            string header = ConnectionStatesEncoding.Encode(new Dictionary<string, BinaryData> { ["k"] = BinaryData.FromString("v") });
            Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String(header)), Is.EqualTo("{\"k\":\"dg==\"}"));
        }

        [Test]
        public void EmptyStatesEncodeAsAnEmptyObject()
        {
            string header = ConnectionStatesEncoding.Encode(new Dictionary<string, BinaryData>());
            Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String(header)), Is.EqualTo("{}"));
            Assert.That(ConnectionStatesEncoding.Decode(header), Is.Empty);
        }

        [Test]
        public void DecodesAServiceHeader()
        {
            var decoded = ConnectionStatesEncoding.Decode(B64("{\"counter\":\"" + B64("3") + "\"}"));
            Assert.That(decoded["counter"].ToString(), Is.EqualTo("3"));
        }

        [TestCase(null)]
        [TestCase("")]
        [TestCase("   ")]
        [TestCase("%%% not base64 %%%")]
        public void MissingOrNonBase64HeaderDecodesEmpty(string? header)
        {
            Assert.That(ConnectionStatesEncoding.Decode(header), Is.Not.Null.And.Empty);
        }

        [TestCase("not json at all")]
        [TestCase("[\"dg==\"]")]
        [TestCase("\"dg==\"")]
        [TestCase("{\"a\":\"dg==\",\"b\":\"not base64!\"}")]
        [TestCase("{\"a\":\"dg==\",\"b\":{\"nested\":1}}")]
        [TestCase("{\"a\":\"dg==\",\"b\":null}")]
        [TestCase("{\"a\":\"dg==\"")]
        public void MalformedContentDecodesEmptyNeverPartial(string json)
        {
            Assert.That(ConnectionStatesEncoding.Decode(B64(json)), Is.Empty);
        }

        [Test]
        public void InvalidUtf8DecodesEmpty()
        {
            Assert.That(ConnectionStatesEncoding.Decode(Convert.ToBase64String(new byte[] { 0x7B, 0xFF, 0xFE, 0x7D })), Is.Empty);
        }
    }
}
