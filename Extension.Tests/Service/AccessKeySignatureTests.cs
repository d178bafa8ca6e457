using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    public class AccessKeySignatureTests
    {
        private const string Primary = "primary-key";
        private const string Secondary = "secondary-key";
        private const string ConnectionId = "0f9c97a2f0bf4706afe87a14e0797b11";

        private static string Sign(string key, string connectionId)
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
            return "sha256=" + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(connectionId))).ToLowerInvariant();
        }

        [Test]
        public void ComputeHmacMatchesFramework()
        {
            var key = new AccessKey(Primary);
            byte[] data = Encoding.UTF8.GetBytes("hello");
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Primary));
            Span<byte> destination = stackalloc byte[32];
            key.ComputeHmac(data, destination);
            Assert.That(destination.ToArray(), Is.EqualTo(hmac.ComputeHash(data)));
            Assert.Throws<ArgumentException>(() => key.ComputeHmac(data, new byte[31]));
        }

        [Test]
        public void RepeatedAndConcurrentHmacsAreEachCorrect()
        {
            // The key reuses keyed HMAC contexts; each result must still be the HMAC of its own input only.
            var key = new AccessKey(Primary);
            using var reference = new HMACSHA256(Encoding.UTF8.GetBytes(Primary));
            byte[][] inputs = new byte[64][];
            byte[][] expected = new byte[64][];
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = Encoding.UTF8.GetBytes("connection-" + new string('x', i));
                expected[i] = reference.ComputeHash(inputs[i]);
            }

            for (int round = 0; round < 3; round++)
            {
                System.Threading.Tasks.Parallel.For(0, 2000, n =>
                {
                    int i = n % inputs.Length;
                    Assert.That(key.ComputeHmac(inputs[i]), Is.EqualTo(expected[i]));
                });
            }
            Assert.That(key.SignatureMatches(ConnectionId, Sign(Primary, ConnectionId)), Is.True);
            Assert.That(key.SignatureMatches(ConnectionId, Sign(Secondary, ConnectionId)), Is.False);
        }

        [Test]
        public void AVerifiedConnectionStillRefusesAnyOtherSignature()
        {
            var key = new AccessKey(Primary);
            string valid = Sign(Primary, ConnectionId);
            Assert.That(key.SignatureMatches(ConnectionId, valid), Is.True);
            Assert.That(key.VerifiedConnectionCount, Is.EqualTo(1), "the match is remembered");

            // Same length, one hex digit changed; another connection's signature; another key's; a prefix; the empty list.
            string flipped = valid.Substring(0, valid.Length - 1) + (valid[valid.Length - 1] == '0' ? '1' : '0');
            Assert.That(key.SignatureMatches(ConnectionId, flipped), Is.False);
            Assert.That(key.SignatureMatches(ConnectionId, Sign(Primary, "other-connection")), Is.False);
            Assert.That(key.SignatureMatches(ConnectionId, Sign(Secondary, ConnectionId)), Is.False);
            Assert.That(key.SignatureMatches(ConnectionId, valid.Substring(0, 20)), Is.False);
            Assert.That(key.SignatureMatches("other-connection", valid), Is.False, "the remembered value belongs to its connection only");
            Assert.That(key.SignatureMatches(ConnectionId, valid), Is.True);

            // The service's list after a key rotation is verified anew, then remembered in turn.
            string rotated = Sign(Secondary, ConnectionId) + "," + valid;
            Assert.That(key.SignatureMatches(ConnectionId, rotated), Is.True);
            Assert.That(key.SignatureMatches(ConnectionId, rotated), Is.True);
            Assert.That(key.SignatureMatches(ConnectionId, valid), Is.True);
        }

        [Test]
        public void VerifiedSignaturesAreBounded()
        {
            var key = new AccessKey(Primary);
            for (int i = 0; i < AccessKey.MaxVerifiedConnections * 2 + 10; i++)
            {
                string id = "connection-" + i;
                Assert.That(key.SignatureMatches(id, Sign(Primary, id)), Is.True);
                Assert.That(key.VerifiedConnectionCount, Is.LessThanOrEqualTo(AccessKey.MaxVerifiedConnections));
            }
        }

        [Test]
        public void SingleSignatureMatches()
            => Assert.That(new AccessKey(Primary).SignatureMatches(ConnectionId, Sign(Primary, ConnectionId)), Is.True);

        [TestCase(",")]
        [TestCase(", ")]
        [TestCase(" ,  ")]
        public void PrimaryOrSecondaryInListMatches(string separator)
        {
            string header = Sign(Secondary, ConnectionId) + separator + Sign(Primary, ConnectionId);
            Assert.That(new AccessKey(Primary).SignatureMatches(ConnectionId, header), Is.True);
            Assert.That(new AccessKey(Secondary).SignatureMatches(ConnectionId, header), Is.True);
            Assert.That(new AccessKey("other").SignatureMatches(ConnectionId, header), Is.False);
        }

        [Test]
        public void HexIsCaseInsensitive()
        {
            string lower = Sign(Primary, ConnectionId);
            string upper = "sha256=" + lower.Substring(7).ToUpperInvariant();
            var key = new AccessKey(Primary);
            Assert.That(key.SignatureMatches(ConnectionId, upper), Is.True);
            Assert.That(key.SignatureMatches(ConnectionId, "SHA256=" + lower.Substring(7)), Is.True);
        }

        [Test]
        public void NonAsciiAndLongConnectionIdsWork()
        {
            string longId = new string('x', 2000) + "é";
            Assert.That(new AccessKey(Primary).SignatureMatches(longId, Sign(Primary, longId)), Is.True);
        }

        [TestCase(null)]
        [TestCase("")]
        [TestCase("sha256=")]
        [TestCase("sha1=0000")]
        [TestCase("sha256=zz")]
        [TestCase("garbage")]
        public void MissingOrMalformedHeaderIsFalse(string? header)
            => Assert.That(new AccessKey(Primary).SignatureMatches(ConnectionId, header), Is.False);

        [Test]
        public void WrongSignatureOrConnectionIsFalse()
        {
            var key = new AccessKey(Primary);
            Assert.That(key.SignatureMatches(ConnectionId, Sign(Primary, "other-connection")), Is.False);
            string flipped = Sign(Primary, ConnectionId);
            flipped = flipped.Substring(0, flipped.Length - 1) + (flipped[^1] == '0' ? '1' : '0');
            Assert.That(key.SignatureMatches(ConnectionId, flipped), Is.False);
            Assert.That(key.SignatureMatches(null, Sign(Primary, ConnectionId)), Is.False);
        }
    }
}
