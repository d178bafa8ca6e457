using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// A read-only dictionary built from its source on first use. Per event, the request's headers and the
    /// trigger's binding data are handed to places that usually never read them (most C# functions; WebJobs
    /// reads binding data only for other bindings' expressions), and building both was half of an event's
    /// allocations.
    /// </summary>
    /// <remarks>
    /// Concurrent first reads may each build the dictionary; one wins and every reader sees the same contents.
    /// The factory should be a static lambda, so that creating the wrapper is the only allocation.
    /// </remarks>
    internal sealed class LazyDictionary<TSource, TValue> : IReadOnlyDictionary<string, TValue>
    {
        private readonly TSource _source;
        private readonly Func<TSource, Dictionary<string, TValue>> _build;
        private Dictionary<string, TValue>? _items;

        public LazyDictionary(TSource source, Func<TSource, Dictionary<string, TValue>> build)
        {
            _source = source;
            _build = build;
        }

        private Dictionary<string, TValue> Items =>
            _items ?? Interlocked.CompareExchange(ref _items, _build(_source), null) ?? _items!;

        public TValue this[string key] => Items[key];

        public IEnumerable<string> Keys => Items.Keys;

        public IEnumerable<TValue> Values => Items.Values;

        public int Count => Items.Count;

        public bool ContainsKey(string key) => Items.ContainsKey(key);

#pragma warning disable CS8767 // [MaybeNullWhen] is not available to netstandard2.0; the value is default only when false is returned.
        public bool TryGetValue(string key, out TValue value) => Items.TryGetValue(key, out value!);
#pragma warning restore CS8767

        public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => Items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
