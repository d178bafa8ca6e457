using System;
using System.ComponentModel;
using Microsoft.Azure.WebJobs.Description;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// Binds a <see cref="WebPubSubContext"/> for a function with an HTTP trigger that receives Web PubSub
    /// events itself: the request is validated and parsed exactly as the trigger does it.
    /// </summary>
    /// <remarks>
    /// Why <see cref="Connections"/> is a field with a hidden twin property <c>connections</c>:
    /// Microsoft.NET.Sdk.Functions' metadata generator (class-library apps) rebuilds each attribute with
    /// Mono.Cecil and sets named property arguments with Cecil's raw values, so any array-typed property
    /// (<c>Connections = new[] { ... }</c>) fails the app's build; named field arguments it skips. WebJobs, in
    /// turn, copies attributes (<c>%Setting%</c> resolution) and builds them from function.json through public
    /// properties only, matching names case-insensitively. A <c>string[]</c> field keeps upstream's source
    /// (<c>Connections = new[] { "A" }</c>, <c>string[] c = attribute.Connections</c>); the twin property gives
    /// WebJobs and function.json (<c>"connections": ["A", "B"]</c>) the same storage. An <c>object</c>-typed
    /// property would also pass the generator, but would break code that reads the value as <c>string[]</c>.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
    [Binding]
    public class WebPubSubContextAttribute : Attribute
    {
        /// <summary>Configuration section names of the connections used to validate requests.</summary>
        public string[]? Connections;

        public WebPubSubContextAttribute()
        {
        }

        /// <param name="connections">Names of configuration sections whose connections validate the requests.</param>
        public WebPubSubContextAttribute(params string[] connections)
        {
            Connections = connections;
        }

        /// <summary>
        /// <see cref="Connections"/> for the WebJobs host and function.json; use <see cref="Connections"/> in code.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        [Browsable(false)]
#pragma warning disable IDE1006 // The name is the JSON key, and differs from the field only in case.
        public string[]? connections
        {
            get => Connections;
            set => Connections = value;
        }
#pragma warning restore IDE1006

        /// <summary>The singular form; see <see cref="WebPubSubTriggerAttribute.Connection"/>.</summary>
        /// <remarks>Declared after <c>connections</c>: hosts that set properties in declaration order apply it last, so it fills an empty list.</remarks>
        [Obsolete("Use Connections instead.")]
        public string? Connection
        {
            get => LegacyConnection.Get(Connections);
            set => Connections = LegacyConnection.Set(Connections, value);
        }
    }
}
