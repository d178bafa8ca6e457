using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    /// <summary>The access-key policy keeps one signed header per URL and renews it before half its lifetime is gone.</summary>
    public class RestTokenCacheTests
    {
        private const string Key = "rest-cache-test-access-key-0123456789";
        private const string SendToAll = "https://demo.webpubsub.azure.com/api/hubs/chat/:send?api-version=2024-12-01";
        private const string SendToGroup = "https://demo.webpubsub.azure.com/api/hubs/chat/groups/g1/:send?api-version=2024-12-01";
        private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

        private DateTimeOffset _now;

        private AccessKeyAuthenticationPolicy Policy() => new(new AccessKey(Key), Lifetime, () => _now);

        private static string Token(string header) => Jwt.FromBearer(header);

        private static long Claim(string header, string name) => Jwt.Payload(Token(header)).GetProperty(name).GetInt64();

        [SetUp]
        public void SetUp() => _now = DateTimeOffset.UtcNow;

        [Test]
        public void TheSameUrlReusesTheSignedHeader()
        {
            var policy = Policy();
            string first = policy.GetHeader(SendToAll);
            _now += TimeSpan.FromMinutes(2);
            string second = policy.GetHeader(SendToAll);

            Assert.That(second, Is.SameAs(first));
            Jwt.Validate(Token(second), Key, SendToAll);
        }

        [Test]
        public void EachUrlGetsATokenForItsOwnAudience()
        {
            var policy = Policy();
            string all = policy.GetHeader(SendToAll);
            string group = policy.GetHeader(SendToGroup);

            Assert.That(group, Is.Not.EqualTo(all));
            Assert.That(Jwt.Payload(Token(all)).GetProperty("aud").GetString(), Is.EqualTo(SendToAll));
            Assert.That(Jwt.Payload(Token(group)).GetProperty("aud").GetString(), Is.EqualTo(SendToGroup));
            Assert.That(policy.GetHeader(SendToAll), Is.SameAs(all));
        }

        [Test]
        public void AtHalfTheLifetimeANewTokenIsSigned()
        {
            var policy = Policy();
            string first = policy.GetHeader(SendToAll);
            _now += TimeSpan.FromMinutes(2.5);
            string renewed = policy.GetHeader(SendToAll);

            Assert.That(renewed, Is.Not.EqualTo(first));
            Assert.That(Claim(renewed, "iat"), Is.EqualTo(_now.ToUnixTimeSeconds()));
            Assert.That(Claim(renewed, "exp") - Claim(renewed, "iat"), Is.EqualTo((long)Lifetime.TotalSeconds));
            _now += TimeSpan.FromMinutes(1);
            Assert.That(policy.GetHeader(SendToAll), Is.SameAs(renewed), "the renewed header is cached in turn");
        }

        [Test]
        public void ATokenOnTheWireAlwaysHasHalfItsLifetimeLeft()
        {
            var policy = Policy();
            DateTimeOffset start = _now;
            for (int second = 0; second <= 900; second += 7)
            {
                _now = start + TimeSpan.FromSeconds(second);
                long left = Claim(policy.GetHeader(SendToAll), "exp") - _now.ToUnixTimeSeconds();
                Assert.That(left, Is.GreaterThan((long)Lifetime.TotalSeconds / 2), $"at +{second} s");
            }
        }

        [Test]
        public void AClockThatGoesBackSignsAfresh()
        {
            var policy = Policy();
            string first = policy.GetHeader(SendToAll);
            _now -= TimeSpan.FromMinutes(1);
            string again = policy.GetHeader(SendToAll);

            Assert.That(again, Is.Not.EqualTo(first));
            Assert.That(Claim(again, "iat"), Is.EqualTo(_now.ToUnixTimeSeconds()));
        }

        [Test]
        public void ManyDistinctUrlsDoNotGrowTheCacheWithoutBound()
        {
            var policy = Policy();
            string[] urls = Enumerable.Range(0, AccessKeyAuthenticationPolicy.MaxCachedUrls * 3)
                .Select(i => $"https://demo.webpubsub.azure.com/api/hubs/chat/connections/c{i}/:send?api-version=2024-12-01")
                .ToArray();
            foreach (string url in urls)
            {
                Jwt.Validate(Token(policy.GetHeader(url)), Key, url);
                Assert.That(policy.CachedUrlCount, Is.LessThanOrEqualTo(AccessKeyAuthenticationPolicy.MaxCachedUrls));
            }
            Assert.That(policy.CachedUrlCount, Is.GreaterThan(0));
        }

        [Test]
        public void ConcurrentCallersAllGetValidHeaders()
        {
            var policy = Policy();
            string[] headers = new string[64];
            Parallel.For(0, headers.Length, i => headers[i] = policy.GetHeader(i % 2 == 0 ? SendToAll : SendToGroup));

            for (int i = 0; i < headers.Length; i++)
            {
                Jwt.Validate(Token(headers[i]), Key, i % 2 == 0 ? SendToAll : SendToGroup);
            }
            Assert.That(policy.CachedUrlCount, Is.EqualTo(2));
        }
    }
}
