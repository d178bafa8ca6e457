using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// A thread-safe string-keyed cache that starts over when it holds more than its capacity: hot-path results
    /// that repeat per key (a REST URL's token, a connection's verified signature) without letting keys an app or
    /// a caller can make unbounded (connection ids, user URLs) grow it.
    /// </summary>
    internal sealed class BoundedCache<TValue>
        where TValue : class
    {
        private readonly ConcurrentDictionary<string, TValue> _items = new(StringComparer.Ordinal);
        private readonly int _capacity;
        private int _added;

        public BoundedCache(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "The capacity must be at least 1.");
            }
            _capacity = capacity;
        }

        public int Count => _items.Count;

        public TValue? Get(string key) => _items.TryGetValue(key, out TValue? value) ? value : null;

        public void Set(string key, TValue value)
        {
            if (!_items.TryAdd(key, value))
            {
                _items[key] = value; // a renewal: no new key
                return;
            }
            if (Interlocked.Increment(ref _added) > _capacity)
            {
                _items.Clear();
                Volatile.Write(ref _added, 0);
            }
        }
    }
}
