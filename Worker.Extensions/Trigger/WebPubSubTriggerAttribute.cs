using System;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>
    /// Runs the function for a Web PubSub event (binding type <c>webPubSubTrigger</c>). Bind the parameter as the
    /// event's request type (<see cref="ConnectEventRequest"/>, <see cref="UserEventRequest"/>...), as
    /// <see cref="WebPubSubConnectionContext"/>, or as <c>string</c> for the JSON. A connect or user-event function
    /// answers with its return value.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class WebPubSubTriggerAttribute : TriggerBindingAttribute
    {
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

        /// <summary>The hub; <c>%Setting%</c> reads an app setting. Empty: the host's default hub.</summary>
        public string Hub { get; }

        public WebPubSubEventType EventType { get; }

        /// <summary>The event name; <c>*</c> catches the events of this type that no other function handles.</summary>
        public string EventName { get; }

        /// <summary>Connection settings whose keys validate requests; none: the default connection.</summary>
        public string[] Connections { get; }

        /// <summary>Which clients' events to handle (beyond upstream's worker package).</summary>
        public WebPubSubTriggerAcceptedClientProtocols ClientProtocols { get; set; } = WebPubSubTriggerAcceptedClientProtocols.All;
    }
}
