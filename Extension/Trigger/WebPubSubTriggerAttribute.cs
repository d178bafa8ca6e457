using System;
using System.ComponentModel.DataAnnotations;
using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub
{
    /// <summary>
    /// Runs a function when the Web PubSub service delivers a client event (CloudEvents webhook
    /// <c>/runtime/webhooks/webpubsub</c>) for the given hub, event type and event name.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter)]
#pragma warning disable CS0618 // The trigger answers blocking events with the function's return value; WebJobs has no other way yet.
    [Binding(TriggerHandlesReturnValue = true)]
#pragma warning restore CS0618
    public class WebPubSubTriggerAttribute : Attribute
    {
        /// <param name="hub">The hub; <c>%Setting%</c> is resolved. Falls back to the configured default hub when empty.</param>
        /// <param name="eventType">System events (<c>connect</c>, <c>connected</c>, <c>disconnected</c>) or user events.</param>
        /// <param name="eventName">The event name, e.g. <c>connect</c> or <c>message</c>; <c>%Setting%</c> is resolved.</param>
        /// <param name="connections">Names of configuration sections whose connections validate the requests.</param>
        public WebPubSubTriggerAttribute(string hub, WebPubSubEventType eventType, string eventName, params string[] connections)
        {
            Hub = hub;
            EventType = eventType;
            EventName = eventName;
            Connections = connections;
        }

        public WebPubSubTriggerAttribute(string hub, WebPubSubEventType eventType, string eventName)
            : this(hub, eventType, eventName, null!)
        {
        }

        public WebPubSubTriggerAttribute(WebPubSubEventType eventType, string eventName, params string[] connections)
            : this(string.Empty, eventType, eventName, connections)
        {
        }

        public WebPubSubTriggerAttribute(WebPubSubEventType eventType, string eventName)
            : this(string.Empty, eventType, eventName, null!)
        {
        }

        /// <summary>The hub. Empty means the configured default hub (<c>WebPubSubHub</c>).</summary>
        [AutoResolve]
        public string Hub { get; }

        /// <summary>The event name (<c>ce-eventName</c>).</summary>
        [Required]
        public string EventName { get; }

        /// <summary>The event type.</summary>
        [Required]
        public WebPubSubEventType EventType { get; }

        /// <summary>Configuration section names of the connections used to validate requests.</summary>
        public string[] Connections { get; private set; }

        /// <summary>
        /// The singular form that function.json users write (<c>"connection": "X"</c>). Reads the first entry of
        /// <see cref="Connections"/>; setting it fills <see cref="Connections"/> only when that list is empty.
        /// </summary>
        [Obsolete("Use Connections instead.")]
        public string? Connection
        {
            get => LegacyConnection.Get(Connections);
            set => Connections = LegacyConnection.Set(Connections, value);
        }

        /// <summary>Which client protocols this function accepts events from. Default: all.</summary>
        public WebPubSubTriggerAcceptedClientProtocols ClientProtocols { get; set; } = WebPubSubTriggerAcceptedClientProtocols.All;
    }
}
