using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>
    /// Source-generated metadata for the wire shapes (no reflection, AOT-friendly). Use it through
    /// <see cref="WebPubSubJson.Options"/>, which adds the converters for the public models on top of it.
    /// </summary>
    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
    [JsonSerializable(typeof(ConnectionContextContent))]
    [JsonSerializable(typeof(ClientCertificateContent))]
    [JsonSerializable(typeof(MqttConnectPropertiesContent))]
    [JsonSerializable(typeof(MqttDisconnectPacketContent))]
    [JsonSerializable(typeof(MqttDisconnectedPropertiesContent))]
    [JsonSerializable(typeof(EventRequestContent))]
    [JsonSerializable(typeof(ConnectEventRequestContent))]
    [JsonSerializable(typeof(DisconnectedEventRequestContent))]
    [JsonSerializable(typeof(UserEventRequestContent))]
    [JsonSerializable(typeof(GroupEventRequestContent))]
    [JsonSerializable(typeof(PreflightRequestContent))]
    [JsonSerializable(typeof(UserEventResponseContent))]
    [JsonSerializable(typeof(MqttErrorPropertiesContent))]
    [JsonSerializable(typeof(EventErrorResponseContent))]
    [JsonSerializable(typeof(MqttErrorResponseContent))]
    [JsonSerializable(typeof(ConnectEventResponse))]
    [JsonSerializable(typeof(MqttConnectEventResponse))]
    [JsonSerializable(typeof(MqttConnectEventResponseProperties))]
    [JsonSerializable(typeof(MqttUserProperty))]
    internal sealed partial class WebPubSubCommonJsonContext : JsonSerializerContext
    {
    }
}
