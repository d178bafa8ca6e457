using System;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>What a context-binding function saw, read the same way from the typed context and from its JSON.</summary>
    internal sealed record ContextOutcome(int Status, bool HasError, bool IsPreflight, string? ErrorMessage, object? Request)
    {
        public static ContextOutcome Of(object value) => value switch
        {
            WebPubSubContext context => new((int)context.Response.StatusCode, context.HasError, context.IsPreflight, context.ErrorMessage, context.Request),
            JObject json => new(
                json["response"]?["status"]?.Value<int>() ?? 0,
                json["hasError"]?.Value<bool>() ?? false,
                json["isPreflight"]?.Value<bool>() ?? false,
                json["errorMessage"]?.ToString(),
                json["request"]),
            _ => throw new ArgumentException($"Not a context: {value.GetType().Name}", nameof(value)),
        };
    }
}
