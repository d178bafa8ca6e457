using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>The abuse-protection handshake (HTTP OPTIONS); it has no connection context.</summary>
    [DataContract]
    public sealed class PreflightRequest : WebPubSubEventRequest
    {
        public PreflightRequest(bool isValid)
            : base(null!)
        {
            IsValid = isValid;
        }

        /// <summary>Whether the requesting origin is allowed.</summary>
        [DataMember(Name = "isValid")]
        [JsonPropertyName("isValid")]
        public bool IsValid { get; }
    }
}
