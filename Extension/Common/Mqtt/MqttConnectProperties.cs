using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>The MQTT CONNECT packet fields the service forwards with a connect event.</summary>
    [DataContract]
    public class MqttConnectProperties
    {
        internal MqttConnectProperties(
            MqttProtocolVersion protocolVersion,
            string? username,
            string? password,
            IReadOnlyList<MqttUserProperty>? userProperties)
        {
            ProtocolVersion = protocolVersion;
            Username = username;
            Password = password;
            UserProperties = userProperties;
        }

        [DataMember(Name = "protocolVersion")]
        [JsonPropertyName("protocolVersion")]
        public MqttProtocolVersion ProtocolVersion { get; }

        [DataMember(Name = "username")]
        [JsonPropertyName("username")]
        public string? Username { get; }

        /// <summary>The CONNECT password as the service sends it (base64 of the raw bytes).</summary>
        [DataMember(Name = "password")]
        [JsonPropertyName("password")]
        public string? Password { get; }

        [DataMember(Name = "userProperties")]
        [JsonPropertyName("userProperties")]
        public IReadOnlyList<MqttUserProperty>? UserProperties { get; }
    }
}
