using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Azure.WebJobs.Host;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>One function invocation: which function, and the trigger (or context) value it received.</summary>
    internal sealed record Invocation(string Function, object? Value);

    /// <summary>
    /// What the hostile-input functions received. One recorder per host, handed to the function instances by
    /// <see cref="RecorderActivator"/>, so tests share no static state.
    /// </summary>
    public sealed class InvocationRecorder
    {
        private readonly ConcurrentQueue<Invocation> _invocations = new();

        internal void Record(string function, object? value) => _invocations.Enqueue(new Invocation(function, value));

        /// <summary>The invocations since the last call, oldest first.</summary>
        internal IReadOnlyList<Invocation> Drain()
        {
            var drained = new List<Invocation>();
            while (_invocations.TryDequeue(out var invocation))
            {
                drained.Add(invocation);
            }
            return drained;
        }
    }

    /// <summary>Creates function class instances with the host's recorder.</summary>
    internal sealed class RecorderActivator : IJobActivator
    {
        private readonly InvocationRecorder _recorder;

        public RecorderActivator(InvocationRecorder recorder) => _recorder = recorder;

        public T CreateInstance<T>() => (T)System.Activator.CreateInstance(typeof(T), _recorder)!;
    }
}
