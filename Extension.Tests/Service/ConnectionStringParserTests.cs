using System;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    public class ConnectionStringParserTests
    {
        private const string Key = "s3cr3t-Key/With+Base64==";

        [TestCase(null)]
        [TestCase("")]
        public void NullOrEmptyThrowsArgumentNull(string? value)
            => Assert.Throws<ArgumentNullException>(() => ConnectionStringParser.Parse(value!));

        [Test]
        public void ParsesEndpointKeyAndIgnoresVersion()
        {
            WebPubSubServiceAccess access = ConnectionStringParser.Parse($"Endpoint=https://abc.webpubsub.azure.com/;AccessKey={Key};Version=1.0;");
            Assert.That(access.Endpoint, Is.EqualTo(new Uri("https://abc.webpubsub.azure.com")));
            Assert.That(access.Credential, Is.InstanceOf<AccessKeyCredential>());
            Assert.That(access.CanValidateSignature, Is.True);
            Assert.That(access.AccessKey, Is.Not.Null);
        }

        [Test]
        public void AccessKeyIsUsedAsUtf8TextNotBase64()
        {
            // "AAAA" base64-decodes to 3 zero bytes; the service uses the 4 text bytes instead.
            AccessKey key = ConnectionStringParser.Parse("Endpoint=http://h;AccessKey=AAAA").AccessKey!;
            using var hmac = new System.Security.Cryptography.HMACSHA256(System.Text.Encoding.UTF8.GetBytes("AAAA"));
            Assert.That(key.ComputeHmac(new byte[] { 1, 2 }), Is.EqualTo(hmac.ComputeHash(new byte[] { 1, 2 })));
        }

        [Test]
        public void KeysAreCaseInsensitiveAndTrimmed()
        {
            WebPubSubServiceAccess access = ConnectionStringParser.Parse($"  endpoint = http://localhost/ ; ACCESSKEY= {Key} ;pORt = 8080 ");
            Assert.That(access.Endpoint, Is.EqualTo(new Uri("http://localhost:8080")));
            Assert.That(access.AccessKey, Is.Not.Null);
        }

        [Test]
        public void SegmentsWithoutEqualsAndUnknownKeysAreIgnored()
        {
            WebPubSubServiceAccess access = ConnectionStringParser.Parse($"garbage;Endpoint=https://x;;AccessKey={Key};Foo=bar;ClientEndpoint=https://y");
            Assert.That(access.Endpoint.Host, Is.EqualTo("x"));
        }

        [Test]
        public void ValueKeepsEverythingAfterFirstEquals()
        {
            // Keys often end with '=' padding: only the first '=' separates key from value.
            AccessKey key = ConnectionStringParser.Parse("Endpoint=https://x;AccessKey=ab==").AccessKey!;
            using var hmac = new System.Security.Cryptography.HMACSHA256(System.Text.Encoding.UTF8.GetBytes("ab=="));
            Assert.That(key.ComputeHmac(new byte[] { 7 }), Is.EqualTo(hmac.ComputeHash(new byte[] { 7 })));
        }

        [Test]
        public void MissingEndpointThrows()
        {
            var ex = Assert.Throws<ArgumentException>(() => ConnectionStringParser.Parse($"AccessKey={Key};Version=1.0"));
            Assert.That(ex!.Message, Does.Contain("Endpoint"));
            Assert.That(ex.Message, Does.Not.Contain(Key));
        }

        [TestCase("Endpoint=https://a;endpoint=https://b", "'Endpoint' is set twice (segments 1 and 2)")]
        [TestCase("Endpoint=https://a;AccessKey=" + Key + ";ACCESSKEY=" + Key, "'AccessKey' is set twice (segments 2 and 3)")]
        public void DuplicateKeysThrowNamingTheCanonicalKey(string connectionString, string problem)
        {
            var ex = Assert.Throws<ArgumentException>(() => ConnectionStringParser.Parse(connectionString));
            Assert.That(ex!.Message, Does.Contain(problem));
            Assert.That(ex.Message, Does.Not.Contain(Key));
        }

        [TestCase("")]
        [TestCase("0")]
        [TestCase("-1")]
        [TestCase("65536")]
        [TestCase("70000")]
        [TestCase("abc")]
        [TestCase("+80")]
        public void InvalidPortThrows(string port)
        {
            var ex = Assert.Throws<ArgumentException>(() => ConnectionStringParser.Parse($"Endpoint=http://localhost;AccessKey={Key};Port={port}"));
            Assert.That(ex!.Message, Does.Contain("'Port' must be a whole number from 1 to 65535"));
            if (port.Length > 0)
            {
                Assert.That(ex.Message, Does.Not.Contain("value: " + port), "the value is never quoted");
            }
        }

        [TestCase(1)]
        [TestCase(80)]
        [TestCase(443)]
        [TestCase(8080)]
        [TestCase(65535)]
        public void ValidPortReplacesEndpointPort(int port)
        {
            WebPubSubServiceAccess access = ConnectionStringParser.Parse($"Endpoint=http://localhost:1234;AccessKey={Key};Port={port}");
            Assert.That(access.Endpoint.Port, Is.EqualTo(port));
            Assert.That(access.Endpoint.Host, Is.EqualTo("localhost"));
        }

        [TestCase("Endpoint=https://abc.webpubsub.azure.com")]
        [TestCase("Endpoint=https://abc.webpubsub.azure.com;AccessKey=")]
        public void AccessKeyIsOptional(string connectionString)
        {
            WebPubSubServiceAccess access = ConnectionStringParser.Parse(connectionString);
            Assert.That(access.Credential, Is.InstanceOf<NoKeyCredential>());
            Assert.That(access.CanValidateSignature, Is.False);
            Assert.That(access.AccessKey, Is.Null);
        }

        [TestCase("Endpoint=abc.webpubsub.azure.com;AccessKey=" + Key)]
        [TestCase("Endpoint=ftp://abc;AccessKey=" + Key)]
        [TestCase("Endpoint=/relative;AccessKey=" + Key)]
        public void EndpointMustBeAbsoluteHttp(string connectionString)
        {
            var ex = Assert.Throws<ArgumentException>(() => ConnectionStringParser.Parse(connectionString));
            Assert.That(ex!.Message, Does.Not.Contain(Key));
        }

        [Test]
        public void EndpointKeepsPathBaseWithoutTrailingSlash()
        {
            WebPubSubServiceAccess access = ConnectionStringParser.Parse($"Endpoint=https://proxy/base/;AccessKey={Key}");
            Assert.That(access.Endpoint.AbsoluteUri, Is.EqualTo("https://proxy/base"));
        }

        [Test]
        public void ToStringNeverShowsTheKey()
        {
            WebPubSubServiceAccess access = ConnectionStringParser.Parse($"Endpoint=https://x;AccessKey={Key}");
            Assert.That(access.ToString(), Does.Not.Contain(Key).And.Contain("https://x"));
            Assert.That(access.Credential.ToString(), Does.Not.Contain(Key));
            Assert.That(access.AccessKey!.ToString(), Does.Not.Contain(Key));
            Assert.That(new NoKeyCredential().ToString(), Does.Not.Contain(Key));
        }

        [Test]
        public void NoErrorMessageContainsTheKey()
        {
            string[] bad =
            {
                $"AccessKey={Key}",
                $"Endpoint=https://x;AccessKey={Key};AccessKey={Key}",
                $"Endpoint=https://x;AccessKey={Key};Port=0",
                $"Endpoint={Key};AccessKey={Key}",
            };
            foreach (string connectionString in bad)
            {
                var ex = Assert.Throws<ArgumentException>(() => ConnectionStringParser.Parse(connectionString));
                Assert.That(ex!.ToString(), Does.Not.Contain(Key), connectionString);
                Assert.That(ex.ToString(), Does.Not.Contain(connectionString));
            }
        }
    }
}
