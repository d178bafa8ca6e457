using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

// Wire shapes of the responses that the source generator cannot handle directly (get-only or ambiguous members).
// ConnectEventResponse and MqttConnectEventResponse are plain settable classes and are generated as they are.
namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    internal sealed class UserEventResponseContent
    {
        [JsonPropertyName("data")]
        [JsonConverter(typeof(BinaryDataPayloadJsonConverter))]
        public BinaryData? Data { get; set; }

        [JsonPropertyName("dataType")]
        [JsonConverter(typeof(NamedEnumJsonConverter<WebPubSubDataType>))]
        public WebPubSubDataType DataType { get; set; }
    }

    internal sealed class MqttErrorPropertiesContent
    {
        [JsonPropertyName("code")]
        [JsonRequired]
        public int Code { get; set; }

        [JsonPropertyName("reason")]
        public string? Reason { get; set; }

        [JsonPropertyName("userProperties")]
        public IReadOnlyList<MqttUserProperty>? UserProperties { get; set; }
    }

    internal sealed class EventErrorResponseContent
    {
        // Not in upstream's System.Text.Json form; written so the category survives a round trip, and read so a
        // worker's {"code":"unauthorized", ...} answer can be parsed with the same options.
        [JsonPropertyName("code")]
        [JsonConverter(typeof(NamedEnumJsonConverter<WebPubSubStatusCode>))]
        public WebPubSubStatusCode? Code { get; set; }

        [JsonPropertyName("errorMessage")]
        public string? ErrorMessage { get; set; }

        // Only read: an error answer carrying "mqtt" is an MQTT rejection.
        [JsonPropertyName("mqtt")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public MqttErrorPropertiesContent? Mqtt { get; set; }
    }

    internal sealed class MqttErrorResponseContent
    {
        [JsonPropertyName("mqtt")]
        [JsonRequired]
        public MqttErrorPropertiesContent? Mqtt { get; set; }
    }
}
