using System;
using System.Collections.Generic;
using Microsoft.Extensions.Primitives;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// <c>WebHook-Request-Origin</c> may repeat and each value may list several hosts separated by commas and/or
    /// spaces (service replicas, custom domains). Hosts are compared case-insensitively, like DNS names.
    /// </summary>
    internal static class OriginParser
    {
        private static readonly char[] s_separators = { ',', ' ' };

        public static IReadOnlyList<string> Parse(StringValues headerValues)
        {
            if (headerValues.Count == 0)
            {
                return Array.Empty<string>();
            }
            var origins = new List<string>(headerValues.Count);
            foreach (var value in headerValues)
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }
                if (value!.IndexOfAny(s_separators) < 0)
                {
                    origins.Add(value); // the usual single host: no split, no copy
                    continue;
                }
                foreach (var origin in value.Split(s_separators, StringSplitOptions.RemoveEmptyEntries))
                {
                    origins.Add(origin.Trim());
                }
            }
            return origins;
        }
    }
}
