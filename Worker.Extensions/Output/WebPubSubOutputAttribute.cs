using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>Sends <see cref="WebPubSubAction"/>s (one or an array) to the service (binding type <c>webPubSub</c>).</summary>
    public sealed class WebPubSubOutputAttribute : OutputBindingAttribute
    {
        public string? Hub { get; set; }

        /// <summary>The connection setting name; unset: <c>WebPubSubConnectionString</c>.</summary>
        public string? Connection { get; set; }
    }
}
