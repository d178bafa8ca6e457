using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure
{
    /// <summary>One per host: what the functions saw, and the output actions a test wants them to add.</summary>
    // Public: function classes (public, as WebJobs requires) take it in their constructor.
    public sealed class Recorder
    {
        public ConcurrentQueue<WebPubSubConnection> Connections { get; } = new ConcurrentQueue<WebPubSubConnection>();

        public ConcurrentQueue<WebPubSubAction> PendingActions { get; } = new ConcurrentQueue<WebPubSubAction>();

        public ConcurrentQueue<WebPubSubContext> Contexts { get; } = new ConcurrentQueue<WebPubSubContext>();

        public ConcurrentQueue<string> Events { get; } = new ConcurrentQueue<string>();

        public IEnumerable<WebPubSubAction> TakeActions()
        {
            while (PendingActions.TryDequeue(out var action))
            {
                yield return action;
            }
        }
    }
}
