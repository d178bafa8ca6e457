using System;
using System.Collections.Generic;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// <c>WebHook-Request-Origin</c> may repeat and each value may list several hosts separated by commas and/or
    /// spaces (service replicas, custom domains). Hosts are compared case-insensitively, like DNS names.
    /// </summary>
    internal static class OriginParser
    {
        private static readonly char[] s_separators = { ',', ' ' };

        public static IReadOnlyList<string> Parse(IReadOnlyList<string> headerValues)
        {
            if (headerValues.Count == 0)
            {
                return Array.Empty<string>();
            }
            var origins = new List<string>(headerValues.Count);
            foreach (var value in headerValues)
            {
                foreach (var origin in value.Split(s_separators, StringSplitOptions.RemoveEmptyEntries))
                {
                    origins.Add(origin.Trim());
                }
            }
            return origins;
        }
    }
}
