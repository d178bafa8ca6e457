using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Group-presence notification: the connection joined a group.</summary>
    [DataContract]
    public class JoinedGroupEventRequest : WebPubSubEventRequest
    {
        public JoinedGroupEventRequest(WebPubSubConnectionContext context, string group)
            : base(context)
        {
            Group = group;
        }

        [DataMember(Name = "group")]
        [JsonPropertyName("group")]
        public string Group { get; }
    }
}
