using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using NewtonsoftJsonConverter = Newtonsoft.Json.JsonConverterAttribute;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>Answers a user event with a payload sent back to the client, optionally changing states.</summary>
    [DataContract]
    public class UserEventResponse : WebPubSubEventResponse
    {
        public UserEventResponse()
        {
        }

        public UserEventResponse(BinaryData data, WebPubSubDataType dataType)
        {
            Data = data;
            DataType = dataType;
        }

        public UserEventResponse(string data, WebPubSubDataType dataType = WebPubSubDataType.Text)
            : this(BinaryData.FromString(data), dataType)
        {
        }

        [DataMember(Name = "data")]
        [JsonPropertyName("data")]
        [NewtonsoftJsonConverter(typeof(BinaryDataTextNewtonsoftConverter))]
        public BinaryData? Data { get; set; }

        [DataMember(Name = "dataType")]
        [JsonConverter(typeof(JsonStringEnumConverter))]
        [JsonPropertyName("dataType")]
        [NewtonsoftJsonConverter(typeof(Newtonsoft.Json.Converters.StringEnumConverter))]
        public WebPubSubDataType DataType { get; set; }

        /// <summary>States set on this response (empty, never null, after <see cref="ClearStates"/>).</summary>
        [IgnoreDataMember]
        public IReadOnlyDictionary<string, BinaryData> ConnectionStates => PendingStates;

        /// <summary>Legacy view of <see cref="ConnectionStates"/>: values as JSON text.</summary>
        [IgnoreDataMember]
        public IReadOnlyDictionary<string, object> States => ConnectionStateValues.ToLegacyView(PendingStates);

        // Newtonsoft consumers see a success "code" next to data, mirroring the error response's field.
        [DataMember(Name = "code")]
        internal WebPubSubStatusCode StatusCode
        {
            get => WebPubSubStatusCode.Success;
            set
            {
                if (value != WebPubSubStatusCode.Success)
                {
                    throw new ArgumentException($"A user event response always succeeds; status {value} is not allowed.", nameof(value));
                }
            }
        }

        public void SetState(string key, BinaryData value) => SetStateCore(key, value);

        /// <summary>Stores the JSON serialisation of <paramref name="value"/> (reflection-based).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
#if NET5_0_OR_GREATER
        [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("The value is serialised to JSON by reflection.")]
        [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("The value is serialised to JSON by reflection.")]
#endif
        public void SetState(string key, object value) => SetStateCore(key, ConnectionStateValues.FromObject(value));

        /// <summary>Drops every state of the connection, including those set earlier on this response.</summary>
        public void ClearStates() => ClearStatesCore();
    }
}
