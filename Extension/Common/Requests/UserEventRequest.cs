using System;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using NewtonsoftJsonConverter = Newtonsoft.Json.JsonConverterAttribute;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>A message a client sent to the event handler (a custom event).</summary>
    [DataContract]
    public sealed class UserEventRequest : WebPubSubEventRequest
    {
        public UserEventRequest(WebPubSubConnectionContext context, BinaryData data, WebPubSubDataType dataType)
            : base(context)
        {
            Data = data;
            DataType = dataType;
        }

        [DataMember(Name = "data")]
        [JsonPropertyName("data")]
        [NewtonsoftJsonConverter(typeof(BinaryDataTextNewtonsoftConverter))]
        public BinaryData Data { get; }

        [DataMember(Name = "dataType")]
        [JsonConverter(typeof(JsonStringEnumConverter))]
        [JsonPropertyName("dataType")]
        [NewtonsoftJsonConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
        public WebPubSubDataType DataType { get; }

        public UserEventResponse CreateResponse(BinaryData data, WebPubSubDataType dataType) =>
            new UserEventResponse(data, dataType);

        public UserEventResponse CreateResponse(string data, WebPubSubDataType dataType = WebPubSubDataType.Text) =>
            new UserEventResponse(data, dataType);

        public EventErrorResponse CreateErrorResponse(WebPubSubErrorCode code, string? message) =>
            new EventErrorResponse(code, message);
    }
}
