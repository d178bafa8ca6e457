using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Base of every event the service delivers to an event handler.</summary>
    [DataContract]
    public abstract class WebPubSubEventRequest
    {
        protected WebPubSubEventRequest(WebPubSubConnectionContext context)
        {
            ConnectionContext = context;
        }

        [DataMember(Name = "connectionContext")]
        [JsonPropertyName("connectionContext")]
        public WebPubSubConnectionContext ConnectionContext { get; }
    }
}
