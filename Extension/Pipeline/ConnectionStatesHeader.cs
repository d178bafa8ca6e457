using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Azure.WebPubSub.Common.Serialization;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// Writes <c>ce-connectionState</c> on blocking-event responses. The service replaces the whole state with
    /// the header and keeps it unchanged when the header is absent, so the header carries the merged result:
    /// the states the request arrived with, overwritten by the ones the function set. After
    /// <c>ClearStates()</c> only the states set afterwards are sent (an empty object when none), which really
    /// clears them, unlike upstream, which sent nothing.
    /// </summary>
    internal static class ConnectionStatesHeader
    {
        public static void Write(HttpResponseMessage response, IReadOnlyDictionary<string, BinaryData> existing, IReadOnlyDictionary<string, BinaryData>? updates, bool cleared)
        {
            var merged = Merge(existing, updates, cleared);
            if (merged != null)
            {
                response.Headers.TryAddWithoutValidation(WebPubSubHeaders.ConnectionState, ConnectionStatesEncoding.Encode(merged));
            }
        }

        /// <summary>The states to send, or null to leave the service's copy unchanged.</summary>
        public static IReadOnlyDictionary<string, BinaryData>? Merge(IReadOnlyDictionary<string, BinaryData> existing, IReadOnlyDictionary<string, BinaryData>? updates, bool cleared)
        {
            if (cleared)
            {
                return updates ?? new Dictionary<string, BinaryData>();
            }
            if (updates == null || updates.Count == 0)
            {
                return null;
            }
            var merged = new Dictionary<string, BinaryData>(StringComparer.Ordinal);
            foreach (var pair in existing)
            {
                merged[pair.Key] = pair.Value;
            }
            foreach (var pair in updates)
            {
                merged[pair.Key] = pair.Value;
            }
            return merged;
        }
    }
}
