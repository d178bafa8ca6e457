using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Group-presence notification: the connection left a group.</summary>
    [DataContract]
    public class LeftGroupEventRequest : WebPubSubEventRequest
    {
        public LeftGroupEventRequest(WebPubSubConnectionContext context, string group)
            : base(context)
        {
            Group = group;
        }

        [DataMember(Name = "group")]
        [JsonPropertyName("group")]
        public string Group { get; }
    }
}
