using System;
using System.Linq;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Output
{
    /// <summary>
    /// Script languages send actions as JSON: <c>{"actionName":"sendToAll","data":"hi","dataType":"text"}</c>,
    /// or an array of them. Binary data must be a Node.js Buffer (<c>{"type":"Buffer","data":[...]}</c>).
    /// </summary>
    internal static class ActionJson
    {
        public static WebPubSubAction ToAction(JObject json)
        {
            var actionName = json.GetValue("actionName", StringComparison.OrdinalIgnoreCase)?.Value<string>();
            if (!ActionNames.TryGetType(actionName, out var type))
            {
                throw new ArgumentException($"Not supported WebPubSubOperation: {actionName}. Supported: {string.Join(", ", ActionNames.All)}.");
            }
            if (IsBinary(json) && !NodeBuffer.TryRead(json.GetValue("data", StringComparison.OrdinalIgnoreCase), out _))
            {
                throw new ArgumentException("WebPubSubDataType is binary, please use ArrayBuffer as message data type.");
            }
            return (WebPubSubAction)json.ToObject(type, ScriptJson.Serializer)!;
        }

        public static WebPubSubAction[] ToActions(JArray json) =>
            json.Select(item => item is JObject obj ? ToAction(obj) : throw new ArgumentException("Each Web PubSub action must be a JSON object.")).ToArray();

        private static bool IsBinary(JObject json)
        {
            var dataType = json.GetValue("dataType", StringComparison.OrdinalIgnoreCase);
            return dataType != null && (dataType.Type == JTokenType.Integer
                ? dataType.Value<int>() == (int)WebPubSubDataType.Binary
                : string.Equals(dataType.Value<string>(), nameof(WebPubSubDataType.Binary), StringComparison.OrdinalIgnoreCase));
        }
    }
}
