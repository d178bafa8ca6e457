using System.Collections.Concurrent;

namespace WebPubSubStandIn.Entra
{
    /// <summary>How many token requests each identity made (tests assert caching with it; logs state it too).</summary>
    public sealed class TokenRequestLedger
    {
        private readonly ConcurrentDictionary<string, int> _counts = new ConcurrentDictionary<string, int>();

        public void Count(string identity) => _counts.AddOrUpdate(identity, 1, (_, n) => n + 1);

        public int RequestsFor(string identity) => _counts.TryGetValue(identity, out var n) ? n : 0;
    }
}
