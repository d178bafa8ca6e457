using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    [DataContract]
    public sealed class SendToAllAction : WebPubSubAction
    {
        [JsonIgnore]
        public BinaryData Data { get; set; } = null!;

        [DataMember(Name = "data")]
        [JsonInclude]
        [JsonPropertyName("Data")]
        private object? WireData
        {
            get => Payload.ToWire(Data, DataType);
            set => Data = Payload.FromWire(value)!;
        }

        public WebPubSubDataType DataType { get; set; } = WebPubSubDataType.Text;

        [DataMember(Name = "dataType")]
        private string WireDataType
        {
            get => DataType.ToString();
            set => DataType = (WebPubSubDataType)Enum.Parse(typeof(WebPubSubDataType), value, ignoreCase: true);
        }

        [DataMember(Name = "excluded")]
        public IList<string> Excluded { get; set; } = new List<string>();

        /// <summary>An OData filter on the receivers (beyond upstream's worker package).</summary>
        [DataMember(Name = "filter", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Filter { get; set; }

        /// <summary>How long the service keeps the message for reliable clients (beyond upstream's worker package).</summary>
        [DataMember(Name = "messageTtlSeconds", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? MessageTtlSeconds { get; set; }
    }

    [DataContract]
    public class SendToConnectionAction : WebPubSubAction
    {
        [DataMember(Name = "connectionId")]
        public string ConnectionId { get; set; } = null!;

        [JsonIgnore]
        public BinaryData Data { get; set; } = null!;

        [DataMember(Name = "data")]
        [JsonInclude]
        [JsonPropertyName("Data")]
        private object? WireData
        {
            get => Payload.ToWire(Data, DataType);
            set => Data = Payload.FromWire(value)!;
        }

        public WebPubSubDataType DataType { get; set; } = WebPubSubDataType.Text;

        [DataMember(Name = "dataType")]
        private string WireDataType
        {
            get => DataType.ToString();
            set => DataType = (WebPubSubDataType)Enum.Parse(typeof(WebPubSubDataType), value, ignoreCase: true);
        }

        /// <summary>How long the service keeps the message for reliable clients (beyond upstream's worker package).</summary>
        [DataMember(Name = "messageTtlSeconds", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? MessageTtlSeconds { get; set; }
    }

    [DataContract]
    public sealed class SendToUserAction : WebPubSubAction
    {
        [DataMember(Name = "userId")]
        public string UserId { get; set; } = null!;

        [JsonIgnore]
        public BinaryData Data { get; set; } = null!;

        [DataMember(Name = "data")]
        [JsonInclude]
        [JsonPropertyName("Data")]
        private object? WireData
        {
            get => Payload.ToWire(Data, DataType);
            set => Data = Payload.FromWire(value)!;
        }

        public WebPubSubDataType DataType { get; set; } = WebPubSubDataType.Text;

        [DataMember(Name = "dataType")]
        private string WireDataType
        {
            get => DataType.ToString();
            set => DataType = (WebPubSubDataType)Enum.Parse(typeof(WebPubSubDataType), value, ignoreCase: true);
        }

        /// <summary>An OData filter on the receivers (beyond upstream's worker package).</summary>
        [DataMember(Name = "filter", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Filter { get; set; }

        /// <summary>How long the service keeps the message for reliable clients (beyond upstream's worker package).</summary>
        [DataMember(Name = "messageTtlSeconds", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? MessageTtlSeconds { get; set; }
    }

    [DataContract]
    public class SendToGroupAction : WebPubSubAction
    {
        [DataMember(Name = "group")]
        public string Group { get; set; } = null!;

        [JsonIgnore]
        public BinaryData Data { get; set; } = null!;

        [DataMember(Name = "data")]
        [JsonInclude]
        [JsonPropertyName("Data")]
        private object? WireData
        {
            get => Payload.ToWire(Data, DataType);
            set => Data = Payload.FromWire(value)!;
        }

        public WebPubSubDataType DataType { get; set; } = WebPubSubDataType.Text;

        [DataMember(Name = "dataType")]
        private string WireDataType
        {
            get => DataType.ToString();
            set => DataType = (WebPubSubDataType)Enum.Parse(typeof(WebPubSubDataType), value, ignoreCase: true);
        }

        [DataMember(Name = "excluded")]
        public IList<string> Excluded { get; set; } = new List<string>();

        /// <summary>An OData filter on the receivers (beyond upstream's worker package).</summary>
        [DataMember(Name = "filter", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Filter { get; set; }

        /// <summary>How long the service keeps the message for reliable clients (beyond upstream's worker package).</summary>
        [DataMember(Name = "messageTtlSeconds", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? MessageTtlSeconds { get; set; }
    }
}
