using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>
    /// Conversions between the current state model (<see cref="BinaryData"/> values) and the legacy one
    /// (<see cref="object"/> values exposed as JSON text), shared by the connection context and the responses.
    /// </summary>
    internal static class ConnectionStateValues
    {
        public static IReadOnlyDictionary<string, BinaryData> Empty { get; } =
            new ReadOnlyDictionary<string, BinaryData>(new Dictionary<string, BinaryData>());

        /// <summary>Existing binary values are kept as they are; anything else is stored as its JSON text.</summary>
        public static BinaryData FromObject(object? value) =>
            value as BinaryData ?? BinaryData.FromObjectAsJson(value);

        public static IReadOnlyDictionary<string, BinaryData> FromObjects(IReadOnlyDictionary<string, object>? states)
        {
            if (states == null || states.Count == 0)
            {
                return Empty;
            }

            var result = new Dictionary<string, BinaryData>(states.Count);
            foreach (var pair in states)
            {
                result[pair.Key] = FromObject(pair.Value);
            }
            return result;
        }

        /// <summary>The legacy view: the same keys, each value as the UTF-8 text of its bytes (JSON for JSON states).</summary>
        public static IReadOnlyDictionary<string, object> ToLegacyView(IReadOnlyDictionary<string, BinaryData> states)
        {
            var result = new Dictionary<string, object>(states.Count);
            foreach (var pair in states)
            {
                result[pair.Key] = pair.Value.ToString();
            }
            return new ReadOnlyDictionary<string, object>(result);
        }
    }
}
