using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Rejects an event; <see cref="Code"/> decides the HTTP status and the message is the body.</summary>
    [DataContract]
    public class EventErrorResponse : WebPubSubEventResponse
    {
        public EventErrorResponse()
        {
        }

        public EventErrorResponse(WebPubSubErrorCode code, string? message = null)
        {
            Code = code;
            ErrorMessage = message;
        }

        [IgnoreDataMember]
        [JsonIgnore]
        public WebPubSubErrorCode Code { get; set; }

        [DataMember(Name = "errorMessage")]
        [JsonPropertyName("errorMessage")]
        public string? ErrorMessage { get; set; }

        // Wire form of Code for Newtonsoft consumers; unknown values fall back to ServerError in both directions.
        [DataMember(Name = "code")]
        internal WebPubSubStatusCode StatusCode
        {
            get => Code.ToStatusCode();
            set => Code = value.ToErrorCode();
        }
    }
}
