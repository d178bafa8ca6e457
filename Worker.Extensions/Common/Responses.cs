using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    // Responses travel to the host through the app's WorkerOptions.Serializer. The System.Text.Json attributes give
    // the host-side shape with the default serializer; [DataContract]/[DataMember] (which System.Text.Json ignores)
    // give the same shape to Newtonsoft-based serializers, through private members where a value needs converting.

    /// <summary>The answer to a blocking event (connect, user event).</summary>
    // Derived types without a discriminator: a value declared as a base type is written with its runtime type's members.
    [DataContract]
    [JsonDerivedType(typeof(ConnectEventResponse))]
    [JsonDerivedType(typeof(MqttConnectEventResponse))]
    [JsonDerivedType(typeof(UserEventResponse))]
    [JsonDerivedType(typeof(EventErrorResponse))]
    [JsonDerivedType(typeof(MqttConnectEventErrorResponse))]
    public abstract class WebPubSubEventResponse
    {
        private protected WebPubSubEventResponse()
        {
        }
    }

    [DataContract]
    [JsonDerivedType(typeof(MqttConnectEventResponse))]
    public class ConnectEventResponse : WebPubSubEventResponse
    {
        private Dictionary<string, BinaryData>? _states;

        public ConnectEventResponse()
        {
        }

        public ConnectEventResponse(string? userId, IEnumerable<string>? groups, string? subprotocol, IEnumerable<string>? roles)
        {
            UserId = userId;
            Groups = groups?.ToArray();
            Subprotocol = subprotocol;
            Roles = roles?.ToArray();
        }

        [DataMember(Name = "userId", EmitDefaultValue = false)]
        [JsonPropertyName("userId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? UserId { get; set; }

        [DataMember(Name = "groups", EmitDefaultValue = false)]
        [JsonPropertyName("groups")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? Groups { get; set; }

        [DataMember(Name = "subprotocol", EmitDefaultValue = false)]
        [JsonPropertyName("subprotocol")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Subprotocol { get; set; }

        [DataMember(Name = "roles", EmitDefaultValue = false)]
        [JsonPropertyName("roles")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? Roles { get; set; }

        /// <summary>States to set on the connection (null: unchanged). Each goes to the host as its JSON value.</summary>
        [JsonPropertyName("states")]
        [JsonConverter(typeof(ResponseStatesJsonConverter))]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyDictionary<string, BinaryData>? ConnectionStates => _states;

        [DataMember(Name = "states", EmitDefaultValue = false)]
        private Dictionary<string, object?>? StatesForOtherSerializers
        {
            get => StatesJson.ToClr(_states);
            set => _states = StatesJson.FromClr(value);
        }

        public void SetState(string key, BinaryData value) => (_states ??= new Dictionary<string, BinaryData>(StringComparer.Ordinal))[key] = value;

        [EditorBrowsable(EditorBrowsableState.Never)]
        public void SetState(string key, object value) => SetState(key, BinaryData.FromObjectAsJson(value));

        /// <summary>Forgets the states set so far. The host-side JSON form has no "clear", so the service's copy stays as it was.</summary>
        public void ClearStates() => _states = null;
    }

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

        [JsonIgnore]
        public BinaryData? Data { get; set; }

        [DataMember(Name = "data", EmitDefaultValue = false)]
        [JsonInclude]
        [JsonPropertyName("data")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        private object? WireData
        {
            get => Payload.ToWire(Data, DataType);
            set => Data = Payload.FromWire(value);
        }

        [JsonPropertyName("dataType")]
        public WebPubSubDataType DataType { get; set; } = WebPubSubDataType.Text;

        [DataMember(Name = "dataType")]
        private string WireDataType
        {
            get => DataType.ToString();
            set => DataType = (WebPubSubDataType)Enum.Parse(typeof(WebPubSubDataType), value, ignoreCase: true);
        }

        /// <summary>States to set on the connection (null: unchanged). Each goes to the host as its JSON value.</summary>
        [JsonPropertyName("states")]
        [JsonConverter(typeof(ResponseStatesJsonConverter))]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyDictionary<string, BinaryData>? ConnectionStates { get; set; }

        [DataMember(Name = "states", EmitDefaultValue = false)]
        private Dictionary<string, object?>? StatesForOtherSerializers
        {
            get => StatesJson.ToClr(ConnectionStates);
            set => ConnectionStates = StatesJson.FromClr(value);
        }

        public void SetState(string key, BinaryData value)
        {
            var states = ConnectionStates == null
                ? new Dictionary<string, BinaryData>(StringComparer.Ordinal)
                : new Dictionary<string, BinaryData>(ConnectionStates.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
            states[key] = value;
            ConnectionStates = states;
        }

        [EditorBrowsable(EditorBrowsableState.Never)]
        public void SetState(string key, object value) => SetState(key, BinaryData.FromObjectAsJson(value));

        /// <summary>Forgets the states set so far. The host-side JSON form has no "clear", so the service's copy stays as it was.</summary>
        public void ClearStates() => ConnectionStates = null;
    }

    /// <summary>Refuses the event: the host answers 401 (Unauthorized), 400 (UserError) or 500 (ServerError).</summary>
    [DataContract]
    [JsonDerivedType(typeof(MqttConnectEventErrorResponse))]
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

        /// <summary>Defaults to the enum's first value (<see cref="WebPubSubErrorCode.Unauthorized"/>), as upstream and the host-side model.</summary>
        [JsonPropertyName("code")]
        public WebPubSubErrorCode Code { get; set; }

        [DataMember(Name = "code")]
        private string WireCode
        {
            get => Code.ToString();
            set => Code = (WebPubSubErrorCode)Enum.Parse(typeof(WebPubSubErrorCode), value, ignoreCase: true);
        }

        [DataMember(Name = "errorMessage")]
        [JsonPropertyName("errorMessage")]
        public string? ErrorMessage { get; set; }
    }
}
