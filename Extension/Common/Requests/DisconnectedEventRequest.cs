using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>The <c>disconnected</c> notification.</summary>
    [DataContract]
    public class DisconnectedEventRequest : WebPubSubEventRequest
    {
        public DisconnectedEventRequest(WebPubSubConnectionContext context, string? reason)
            : base(context)
        {
            Reason = reason;
        }

        [DataMember(Name = "reason")]
        [JsonPropertyName("reason")]
        public string? Reason { get; }
    }
}
