using System;
using System.Text.Json;

namespace Microsoft.Azure.Functions.Worker.Serialization
{
    /// <summary>
    /// Reads an event request into the type the function asks for. A base type (<see cref="WebPubSubEventRequest"/>,
    /// <see cref="ConnectEventRequest"/>, <see cref="DisconnectedEventRequest"/>) gets the most specific type the JSON
    /// is, e.g. <see cref="MqttConnectEventRequest"/> for an MQTT client.
    /// </summary>
    internal static class RequestJson
    {
        public static WebPubSubEventRequest? Read(JsonElement json, Type requested)
        {
            var type = ConcreteType(json, requested);
            return type == null ? null : (WebPubSubEventRequest?)json.Deserialize(type, WorkerJson.Options);
        }

        private static Type? ConcreteType(JsonElement json, Type requested)
        {
            if (requested == typeof(ConnectEventRequest) || requested == typeof(DisconnectedEventRequest))
            {
                return Has(json, "mqtt") ? (requested == typeof(ConnectEventRequest) ? typeof(MqttConnectEventRequest) : typeof(MqttDisconnectedEventRequest)) : requested;
            }
            return requested.IsAbstract ? FromContent(json) : requested;
        }

        /// <summary>The request type the JSON's connection context names; null for an event this package does not model.</summary>
        internal static Type? FromContent(JsonElement json)
        {
            if (Has(json, "isValid"))
            {
                return typeof(PreflightRequest);
            }
            if (!TryGet(json, "connectionContext", out var context) || context.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var eventType = TryGet(context, "eventType", out var t) ? t.ToString() : null;
            var eventName = TryGet(context, "eventName", out var n) ? n.GetString() : null;
            if (Is(eventType, "User", (int)WebPubSubEventType.User))
            {
                return typeof(UserEventRequest);
            }
            if (Is(eventType, "GroupPresence", (int)WebPubSubEventType.GroupPresence))
            {
                return Is(eventName, "joined") ? typeof(JoinedGroupEventRequest) : Is(eventName, "left") ? typeof(LeftGroupEventRequest) : null;
            }
            var mqtt = Has(json, "mqtt");
            return Is(eventName, "connect") ? (mqtt ? typeof(MqttConnectEventRequest) : typeof(ConnectEventRequest))
                : Is(eventName, "connected") ? typeof(ConnectedEventRequest)
                : Is(eventName, "disconnected") ? (mqtt ? typeof(MqttDisconnectedEventRequest) : typeof(DisconnectedEventRequest))
                : null;
        }

        private static bool Is(string? value, string name, int number = -1) =>
            string.Equals(value, name, StringComparison.OrdinalIgnoreCase) || (number >= 0 && value == number.ToString(System.Globalization.CultureInfo.InvariantCulture));

        private static bool Has(JsonElement json, string name) => TryGet(json, name, out var value) && value.ValueKind != JsonValueKind.Null;

        internal static bool TryGet(JsonElement json, string name, out JsonElement value)
        {
            if (json.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in json.EnumerateObject())
                {
                    if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = property.Value;
                        return true;
                    }
                }
            }
            value = default;
            return false;
        }
    }
}
