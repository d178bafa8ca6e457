using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// The JSON bodies of connect answers, written directly (no reflection, no intermediate objects), and the
    /// MQTT parts of script-language answers read from their JSON. Null members are left out of connect
    /// answers: the service treats a present member (even an empty one) as an override.
    /// </summary>
    internal static class ResponseJson
    {
        public static byte[] SerializeConnectResponse(ConnectEventResponse response)
        {
            return Write(writer =>
            {
                writer.WriteStartObject();
                if (response is MqttConnectEventResponse { Mqtt: { } mqtt })
                {
                    writer.WriteStartObject("mqtt");
                    WriteUserProperties(writer, mqtt.UserProperties, writeNull: false);
                    writer.WriteEndObject();
                }
                WriteIfNotNull(writer, "userId", response.UserId);
                WriteArrayIfNotNull(writer, "groups", response.Groups);
                WriteIfNotNull(writer, "subprotocol", response.Subprotocol);
                WriteArrayIfNotNull(writer, "roles", response.Roles);
                writer.WriteEndObject();
            });
        }

        /// <summary><c>{"mqtt":{"code":5,"reason":"...","userProperties":[...]}}</c>, as the service reads MQTT rejections.</summary>
        public static byte[] SerializeMqttError(MqttConnectEventErrorResponse error)
        {
            return Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("mqtt");
                writer.WriteNumber("code", error.Mqtt.Code);
                writer.WriteString("reason", error.Mqtt.Reason);
                WriteUserProperties(writer, error.Mqtt.UserProperties, writeNull: true);
                writer.WriteEndObject();
                writer.WriteEndObject();
            });
        }

        /// <summary>MQTT 3.1.1 return codes are below 128; MQTT 5 reason codes for CONNACK failures start at 128.</summary>
        public static MqttConnectEventErrorResponseProperties ReadMqttError(JObject mqtt)
        {
            var code = mqtt.GetValue("code", System.StringComparison.OrdinalIgnoreCase)!.Value<int>();
            var properties = code < 128
                ? new MqttConnectEventErrorResponseProperties((MqttV311ConnectReturnCode)code)
                : new MqttConnectEventErrorResponseProperties((MqttV500ConnectReasonCode)code);
            properties.Reason = mqtt.GetValue("reason", System.StringComparison.OrdinalIgnoreCase)?.Value<string>();
            properties.UserProperties = ReadUserProperties(mqtt);
            return properties;
        }

        public static MqttConnectEventResponseProperties ReadMqttResponse(JObject mqtt) =>
            new() { UserProperties = ReadUserProperties(mqtt) };

        private static IReadOnlyList<MqttUserProperty>? ReadUserProperties(JObject mqtt) =>
            mqtt.GetValue("userProperties", System.StringComparison.OrdinalIgnoreCase) is JArray array
                ? array.OfType<JObject>().Select(p => new MqttUserProperty(p["name"]!.Value<string>()!, p["value"]!.Value<string>()!)).ToArray()
                : null;

        private static void WriteUserProperties(Utf8JsonWriter writer, IReadOnlyList<MqttUserProperty>? properties, bool writeNull)
        {
            if (properties == null)
            {
                if (writeNull)
                {
                    writer.WriteNull("userProperties");
                }
                return;
            }
            writer.WriteStartArray("userProperties");
            foreach (var property in properties)
            {
                writer.WriteStartObject();
                writer.WriteString("name", property.Name);
                writer.WriteString("value", property.Value);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }

        private static void WriteIfNotNull(Utf8JsonWriter writer, string name, string? value)
        {
            if (value != null)
            {
                writer.WriteString(name, value);
            }
        }

        private static void WriteArrayIfNotNull(Utf8JsonWriter writer, string name, IEnumerable<string>? values)
        {
            if (values == null)
            {
                return;
            }
            writer.WriteStartArray(name);
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }
            writer.WriteEndArray();
        }

        private static byte[] Write(System.Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                write(writer);
            }
            return stream.ToArray();
        }
    }
}
