using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// The JSON bodies of answers. Connect answers are written directly and leave out null members, because the
    /// service treats a present member (even an empty one) as an override; MQTT parts use the Common model's
    /// contracts.
    /// </summary>
    internal static class ResponseJson
    {
        /// <summary>Throws <see cref="JsonException"/> naming a null MQTT user property, which has nothing to write.</summary>
        public static byte[] SerializeConnectResponse(ConnectEventResponse response)
        {
            ContentGuard.UserProperties((response as MqttConnectEventResponse)?.Mqtt?.UserProperties, "mqtt.userProperties");
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
        public static byte[] SerializeMqttError(MqttConnectEventErrorResponse error) =>
            JsonSerializer.SerializeToUtf8Bytes(error, WebPubSubJson.GetTypeInfo<MqttConnectEventErrorResponse>());

        /// <summary>A script's <c>{"mqtt":{"code":...}}</c> rejection, read by the Common model's own contract.</summary>
        public static MqttConnectEventErrorResponse ReadMqttError(JObject response) =>
            JsonSerializer.Deserialize(response.ToString(Newtonsoft.Json.Formatting.None), WebPubSubJson.GetTypeInfo<MqttConnectEventErrorResponse>())!;

        public static MqttConnectEventResponseProperties? ReadMqttResponse(JObject mqtt)
        {
            var properties = JsonSerializer.Deserialize(mqtt.ToString(Newtonsoft.Json.Formatting.None), WebPubSubCommonJsonContext.Default.MqttConnectEventResponseProperties);
            // The writer needs every property with a name and value; a null is the script's error, named here.
            ContentGuard.UserProperties(properties?.UserProperties, "mqtt.userProperties");
            return properties;
        }

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
