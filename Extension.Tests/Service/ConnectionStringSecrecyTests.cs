using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    /// <summary>
    /// Every way a connection string can be malformed next to a key: the error is clear, and neither it nor its
    /// inner exceptions contain any part of a value (the key, the port text, a version, an unknown value).
    /// </summary>
    public class ConnectionStringSecrecyTests
    {
        // Distinct pieces, each long enough that finding any 6-character run of it in a message means a leak.
        internal const string Key = "Qk9PTS1zZWNyZXQta2V5LXZhbHVlLTEyMzQ1Njc4OTA=";
        private const string Endpoint = "https://leaky.webpubsub.azure.com";

        /// <summary>(name, connection string, what the message must say)</summary>
        internal static IEnumerable<TestCaseData> Malformed()
        {
            TestCaseData Case(string name, string connectionString, string says) =>
                new TestCaseData(connectionString, says).SetName("Malformed_" + name);

            // A missing ';' glues the key into the previous value.
            yield return Case("PortGluedToKey", $"Endpoint={Endpoint};Port=80AccessKey={Key};Version=1.0;", "';' is probably missing before 'AccessKey'");
            yield return Case("EndpointGluedToKey", $"Endpoint={Endpoint}AccessKey={Key};Version=1.0;", "';' is probably missing before 'AccessKey'");
            yield return Case("EndpointPathGluedToKey", $"Endpoint={Endpoint}/AccessKey={Key};Version=1.0;", "';' is probably missing before 'AccessKey'");
            yield return Case("VersionGluedToKey", $"Endpoint={Endpoint};Version=1.0AccessKey={Key}", "';' is probably missing before 'AccessKey'");
            yield return Case("KeyGluedToVersion", $"Endpoint={Endpoint};AccessKey={Key}Version=1.0", "';' is probably missing before 'Version'");
            yield return Case("KeyGluedToEndpoint", $"AccessKey={Key}Endpoint={Endpoint}", "';' is probably missing before 'Endpoint'");
            // A missing '=' turns the key into a property name.
            yield return Case("KeyWithoutEquals", $"Endpoint={Endpoint};AccessKey{Key}", "starts with 'AccessKey'");
            yield return Case("KeyWithColon", $"Endpoint={Endpoint};AccessKey:{Key}", "starts with 'AccessKey'");
            yield return Case("KeyNameWithSpace", $"Endpoint={Endpoint};AccessKey {Key}", "starts with 'AccessKey'");
            yield return Case("EndpointWithoutEquals", $"Endpoint{Endpoint};AccessKey={Key}", "starts with 'Endpoint'");
            // Bad values next to the key.
            yield return Case("PortNotANumber", $"Endpoint={Endpoint};AccessKey={Key};Port=eighty-{Key}", "'Port' must be");
            yield return Case("PortOutOfRange", $"Endpoint={Endpoint};AccessKey={Key};Port=99999", "'Port' must be");
            yield return Case("PortEmpty", $"Endpoint={Endpoint};AccessKey={Key};Port=", "'Port' must be");
            yield return Case("EndpointNotAUri", $"Endpoint=not a uri {Key};AccessKey={Key}", "absolute http or https URI");
            yield return Case("EndpointIsTheKey", $"Endpoint={Key};AccessKey={Key}", "absolute http or https URI");
            yield return Case("EndpointEmpty", $"Endpoint=;AccessKey={Key}", "'Endpoint' is missing");
            yield return Case("EndpointMissing", $"AccessKey={Key};Version=1.0", "'Endpoint' is missing");
            yield return Case("DuplicateKey", $"Endpoint={Endpoint};AccessKey={Key};AccessKey={Key}x", "'AccessKey' is set twice");
            yield return Case("DuplicateEndpoint", $"Endpoint={Endpoint};AccessKey={Key};endpoint={Endpoint}/{Key}", "'Endpoint' is set twice");
            yield return Case("DuplicatePort", $"Endpoint={Endpoint};Port=1{Key};AccessKey={Key};Port=2", "'Port' is set twice");
            yield return Case("KnownNameWithoutValue", $"Endpoint={Endpoint};AccessKey={Key};Version", "'Version' (segment 3) has no '='");
        }

        [TestCaseSource(nameof(Malformed))]
        public void ErrorIsClearAndQuotesNoValue(string connectionString, string says)
        {
            var ex = Assert.Throws<ArgumentException>(() => ConnectionStringParser.Parse(connectionString))!;
            Assert.That(ex.Message, Does.Contain(says));
            AssertNoSecret(ex.ToString());
        }

        [Test]
        public void UnknownKeysAndVersionAreStillIgnored()
        {
            var access = ConnectionStringParser.Parse($"Endpoint={Endpoint};AccessKey={Key};Version=1.0;ClientEndpoint=https://other;Portal=x;garbage;");
            Assert.That(access.Endpoint, Is.EqualTo(new Uri(Endpoint)));
            Assert.That(access.CanValidateSignature, Is.True);
        }

        /// <summary>No 6-character run of the key (nor of any other value) appears in the text.</summary>
        internal static void AssertNoSecret(string text)
        {
            foreach (string secret in new[] { Key, "eighty-", "99999" })
            {
                var leaked = Enumerable.Range(0, secret.Length - 5).Select(i => secret.Substring(i, 6)).FirstOrDefault(text.Contains);
                Assert.That(leaked, Is.Null, $"'{leaked}' of a connection-string value appears in: {text}");
            }
        }
    }
}
