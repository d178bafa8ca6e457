using System;
using System.Collections.Generic;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger
{
    /// <summary>
    /// The trigger value handed to the WebJobs executor for one event request, and the slot where the
    /// function's return value lands.
    /// </summary>
    internal sealed class WebPubSubTriggerEvent
    {
        public WebPubSubTriggerEvent(WebPubSubConnectionContext connectionContext, WebPubSubEventRequest? request)
        {
            ConnectionContext = connectionContext ?? throw new ArgumentNullException(nameof(connectionContext));
            Request = request;
        }

        /// <summary>The typed request; null for system events this version does not know.</summary>
        public WebPubSubEventRequest? Request { get; }

        public WebPubSubConnectionContext ConnectionContext { get; }

        /// <summary>What the function returned (its <c>$return</c>); null for void functions or a null result.</summary>
        public object? ReturnValue { get; set; }

        public BinaryData? Data => (Request as UserEventRequest)?.Data;

        public WebPubSubDataType DataType => (Request as UserEventRequest)?.DataType ?? WebPubSubDataType.Text;

        public IReadOnlyDictionary<string, string[]>? Claims => (Request as ConnectEventRequest)?.Claims;

        public IReadOnlyDictionary<string, string[]>? Query => (Request as ConnectEventRequest)?.Query;

        public IReadOnlyList<string>? Subprotocols => (Request as ConnectEventRequest)?.Subprotocols;

        public IReadOnlyList<WebPubSubClientCertificate>? ClientCertificates => (Request as ConnectEventRequest)?.ClientCertificates;

        public string? Reason => (Request as DisconnectedEventRequest)?.Reason;

        public string? Group => Request switch
        {
            JoinedGroupEventRequest joined => joined.Group,
            LeftGroupEventRequest left => left.Group,
            _ => null,
        };
    }
}
