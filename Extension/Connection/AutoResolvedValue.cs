using System;
using System.Collections.Generic;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Bindings.Path;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Connection
{
    /// <summary>
    /// One <c>[AutoResolve]</c> attribute member, resolved the way WebJobs' attribute cloner does it, but split so
    /// that invocations only pay for what really varies: <c>%Setting%</c> once at indexing, and binding
    /// expressions (<c>{query.userid}</c>) per invocation only when the value has any.
    /// </summary>
    internal sealed class AutoResolvedValue
    {
        private static readonly IReadOnlyDictionary<string, object> NoBindingData = new Dictionary<string, object>();
        private readonly string _member;
        private readonly string? _constant;
        private readonly BindingTemplate? _template;

        private AutoResolvedValue(string member, string? constant, BindingTemplate? template)
        {
            _member = member;
            _constant = constant;
            _template = template;
        }

        /// <summary>Whether the attribute set the member; WebJobs only describes such members in invoke strings.</summary>
        public bool IsSet { get; private set; }

        public bool HasTemplate => _template != null;

        /// <summary>The value after <c>%Setting%</c>, binding expressions still unresolved: what index-time checks see.</summary>
        public string? NameResolved => _template?.Pattern ?? _constant;

        /// <summary>
        /// As WebJobs: a null or blank value stays as written (so the default hub still applies); otherwise
        /// <c>%Setting%</c> is resolved (an unknown setting fails indexing with WebJobs' own message) and any
        /// <c>{...}</c> left becomes a template.
        /// </summary>
        public static AutoResolvedValue Create(string member, string? written, INameResolver nameResolver)
        {
            if (string.IsNullOrWhiteSpace(written))
            {
                return new AutoResolvedValue(member, written, null);
            }
            var resolved = nameResolver.ResolveWholeString(written);
            var template = BindingTemplate.FromString(resolved);
            return template.HasParameters
                ? new AutoResolvedValue(member, null, template) { IsSet = true }
                : new AutoResolvedValue(member, resolved, null) { IsSet = true };
        }

        /// <summary>The value for one invocation; a template whose data is missing fails the binding, naming the member.</summary>
        public string? Resolve(IReadOnlyDictionary<string, object>? bindingData)
        {
            if (_template == null)
            {
                return _constant;
            }
            try
            {
                return _template.Bind(bindingData ?? NoBindingData);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException(
                    $"{WebPubSubConnectionBuilder.BindingName}: cannot resolve '{_member}' ('{_template.Pattern}') from the invocation's binding data: {e.Message}", e);
            }
        }
    }
}
