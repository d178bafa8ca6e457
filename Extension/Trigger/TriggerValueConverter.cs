using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger
{
    /// <summary>
    /// Turns the trigger event into the value the trigger parameter asks for: the typed request or connection
    /// context (any parameter name), a named part of the event (upstream's names: <c>data</c>, <c>claims</c>...),
    /// or JSON for script languages.
    /// </summary>
    internal static class TriggerValueConverter
    {
        /// <summary>
        /// Value types (other than the data type) can never hold an event; refuse them at indexing with a clear
        /// message instead of failing every invocation. Reference types get null when nothing fits.
        /// </summary>
        public static bool CanBindTo(Type type) => !type.IsValueType || type == typeof(WebPubSubDataType);

        /// <summary>
        /// Null when a trigger parameter of this type gets the event; otherwise why not. A typed request or context
        /// parameter would get null for an event of another type (a WebSocket connect for an
        /// <see cref="MqttConnectEventRequest"/>, a <c>connected</c> event for a <c>*</c> function taking
        /// <see cref="DisconnectedEventRequest"/>, an unknown system event that has no request type), so such a
        /// request is refused instead of invoking the function with null.
        /// </summary>
        public static string? Mismatch(WebPubSubTriggerEvent triggerEvent, Type type)
        {
            if (typeof(WebPubSubEventRequest).IsAssignableFrom(type) && !type.IsInstanceOfType(triggerEvent.Request))
            {
                return $"its trigger parameter is a {type.Name}, but the request is "
                    + (triggerEvent.Request == null ? "a system event this version has no request type for." : $"a {triggerEvent.Request.GetType().Name}.");
            }
            if (typeof(WebPubSubConnectionContext).IsAssignableFrom(type) && !type.IsInstanceOfType(triggerEvent.ConnectionContext))
            {
                return $"its trigger parameter is a {type.Name}, but the request is from a {triggerEvent.ConnectionContext.GetType().Name}.";
            }
            return null;
        }

        // bindingData: the invocation's TriggerBindingData.Values, built once per invocation.
        public static object? Convert(WebPubSubTriggerEvent triggerEvent, IReadOnlyDictionary<string, object?> bindingData, string parameterName, Type type)
        {
            var request = triggerEvent.Request;
            if (typeof(WebPubSubEventRequest).IsAssignableFrom(type) && type.IsInstanceOfType(request))
            {
                return request;
            }
            if (typeof(WebPubSubConnectionContext).IsAssignableFrom(type))
            {
                return type.IsInstanceOfType(triggerEvent.ConnectionContext) ? triggerEvent.ConnectionContext : null;
            }
            // A part the event lacks (no "request" for a system event without a request type) must not become a
            // null trigger value: the parameter gets the whole event instead, as a script's trigger does.
            if (bindingData.TryGetValue(parameterName, out var named) && named != null)
            {
                return ConvertValue(named, type);
            }
            // Script languages name the trigger parameter freely and want the whole request as JSON.
            return ConvertValue((object?)request ?? triggerEvent.ConnectionContext, type);
        }

        private static object? ConvertValue(object? value, Type type)
        {
            if (value == null || type.IsInstanceOfType(value))
            {
                return value;
            }
            if (value is BinaryData data)
            {
                return FromBinary(data, type);
            }
            if (type == typeof(string))
            {
                return ScriptJson.ToJsonString(value);
            }
            if (type == typeof(byte[]))
            {
                return ScriptJson.ToUtf8Json(value);
            }
            if (type == typeof(Stream))
            {
                return new MemoryStream(ScriptJson.ToUtf8Json(value), writable: false);
            }
            if (typeof(JToken).IsAssignableFrom(type))
            {
                return ScriptJson.ToJToken(value);
            }
            return null;
        }

        private static object? FromBinary(BinaryData data, Type type)
        {
            if (type == typeof(string))
            {
                return data.ToString();
            }
            if (type == typeof(byte[]))
            {
                return data.ToArray();
            }
            if (type == typeof(Stream))
            {
                return data.ToStream();
            }
            if (typeof(JToken).IsAssignableFrom(type))
            {
                // JSON payloads parse; anything else is given as a JSON string rather than failing.
                try
                {
                    return JToken.Parse(data.ToString());
                }
                catch (Newtonsoft.Json.JsonReaderException)
                {
                    return new JValue(Encoding.UTF8.GetString(data.ToArray()));
                }
            }
            return null;
        }
    }
}
