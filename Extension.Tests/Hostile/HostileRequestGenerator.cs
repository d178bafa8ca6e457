using System;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// Generates hostile webhook requests from one seed: a valid request of a random kind, then one to three
    /// random <see cref="Mutations"/>. The same seed always gives the same sequence.
    /// </summary>
    internal sealed class HostileRequestGenerator
    {
        private readonly Random _random;
        private int _count;
        private int _controls;

        public HostileRequestGenerator(int seed) => _random = new Random(seed);

        /// <summary>A random draw for the caller's own choices, from the same seeded sequence.</summary>
        public bool Chance(double probability) => _random.NextDouble() < probability;

        public HostileRequest Next()
        {
            var kind = BaseRequests.Kinds[_random.Next(BaseRequests.Kinds.Length)];
            var hub = _random.Next(3) == 0 ? HostileFunctions.ScriptHub : HostileFunctions.Hub;
            var request = BaseRequests.Create(kind, ConnectionId(), hub);
            request.Steps.Add($"{kind} to {hub}");
            for (var i = _random.Next(1, 4); i > 0; i--)
            {
                var (name, apply) = Mutations.All[_random.Next(Mutations.All.Length)];
                apply(request, _random);
                request.Steps.Add(name);
            }
            return request;
        }

        /// <summary>An unchanged request of the next kind in turn: these must all succeed.</summary>
        public HostileRequest Control()
        {
            var kind = BaseRequests.Kinds[_controls % BaseRequests.Kinds.Length];
            var hub = _controls++ / BaseRequests.Kinds.Length % 2 == 0 ? HostileFunctions.Hub : HostileFunctions.ScriptHub;
            var request = BaseRequests.Create(kind, ConnectionId(), hub);
            request.Steps.Add($"control {kind} to {hub}");
            return request;
        }

        // Ids like the service's: different per request, so each signature is computed for its own id.
        private string ConnectionId() => $"conn{++_count:D5}{_random.Next():x8}";
    }
}
