namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// The semantics of the singular, obsolete <c>Connection</c> property shared by the trigger and context
    /// attributes: it never overrides an explicit plural list, and null or empty values are ignored.
    /// </summary>
    internal static class LegacyConnection
    {
        public static string? Get(string[]? connections) =>
            connections is { Length: > 0 } ? connections[0] : null;

        public static string[] Set(string[]? connections, string? value)
        {
            if (string.IsNullOrEmpty(value) || connections is { Length: > 0 })
            {
                return connections!;
            }
            return new[] { value! };
        }
    }
}
