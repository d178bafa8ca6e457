using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Azure.WebPubSub.Common.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// Reads the JSON object a script-language function returns for a blocking event, e.g.
    /// <c>{"userId":"a","groups":["g"],"states":{"n":1}}</c> (connect),
    /// <c>{"data":"hi","dataType":"text"}</c> (user event) or <c>{"code":"unauthorized","errorMessage":"..."}</c>.
    /// Unknown properties are ignored; malformed values are a 500 with a message saying what is wrong.
    /// </summary>
    internal static class ScriptResponseReader
    {
        public static WebPubSubEventResponse Read(RequestKind kind, JToken token, bool isMqtt)
        {
            if (token is not JObject json)
            {
                throw Invalid("Response should be a JSON object.");
            }
            try
            {
                if (TryReadError(json, isMqtt, out var error))
                {
                    return error;
                }
                return kind == RequestKind.Connect ? ReadConnect(json, isMqtt) : ReadUser(json);
            }
            catch (Exception e) when (e is JsonException or System.Text.Json.JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw Invalid($"Invalid {kind} response: {e.Message}");
            }
        }

        private static bool TryReadError(JObject json, bool isMqtt, out EventErrorResponse error)
        {
            error = null!;
            if (isMqtt && Get(json, "mqtt") is JObject mqtt && Get(mqtt, "code") != null)
            {
                error = ResponseJson.ReadMqttError(json);
                return true;
            }
            var code = Get(json, "code");
            if (code == null || code.Type == JTokenType.Null || IsSuccess(code))
            {
                return false;
            }
            error = new EventErrorResponse(ReadErrorCode(code), Get(json, "errorMessage")?.Value<string>());
            return true;
        }

        private static ConnectEventResponse ReadConnect(JObject json, bool isMqtt)
        {
            var response = isMqtt ? new MqttConnectEventResponse() : new ConnectEventResponse();
            response.UserId = Get(json, "userId")?.Value<string>();
            response.Groups = Get(json, "groups")?.ToObject<string[]>();
            response.Roles = Get(json, "roles")?.ToObject<string[]>();
            response.Subprotocol = Get(json, "subprotocol")?.Value<string>();
            if (response is MqttConnectEventResponse mqttResponse && Get(json, "mqtt") is JObject mqtt)
            {
                mqttResponse.Mqtt = ResponseJson.ReadMqttResponse(mqtt);
            }
            ReadStates(json, response.SetState);
            return response;
        }

        private static UserEventResponse ReadUser(JObject json)
        {
            var response = new UserEventResponse();
            var data = Get(json, "data");
            if (data != null && data.Type != JTokenType.Null)
            {
                response.Data = ReadData(data);
            }
            var dataType = Get(json, "dataType");
            if (dataType != null && dataType.Type != JTokenType.Null)
            {
                response.DataType = ReadDataType(dataType);
            }
            ReadStates(json, response.SetState);
            return response;
        }

        /// <summary>Each state value becomes its compact JSON text; anything but an object means "unchanged".</summary>
        private static void ReadStates(JObject json, Action<string, BinaryData> setState)
        {
            if (Get(json, "states") is JObject states)
            {
                foreach (var property in states.Properties())
                {
                    setState(property.Name, BinaryData.FromString(property.Value.ToString(Formatting.None)));
                }
            }
        }

        private static BinaryData ReadData(JToken data) =>
            data.Type == JTokenType.String ? BinaryData.FromString(data.Value<string>()!)
            : NodeBuffer.TryRead(data, out var bytes) ? BinaryData.FromBytes(bytes)
            : BinaryData.FromString(data.ToString(Formatting.None));

        private static WebPubSubDataType ReadDataType(JToken token)
        {
            WebPubSubDataType value;
            var known = token.Type == JTokenType.Integer
                ? Enum.IsDefined(typeof(WebPubSubDataType), value = (WebPubSubDataType)token.Value<int>())
                : Enum.TryParse(token.Value<string>(), ignoreCase: true, out value) && Enum.IsDefined(typeof(WebPubSubDataType), value);
            return known ? value : throw new FormatException($"Unknown dataType '{token}'; expected text, json or binary.");
        }

        private static WebPubSubErrorCode ReadErrorCode(JToken token)
        {
            if (token.Type == JTokenType.Integer)
            {
                var value = (WebPubSubErrorCode)token.Value<int>();
                return Enum.IsDefined(typeof(WebPubSubErrorCode), value) ? value : WebPubSubErrorCode.ServerError;
            }
            return Enum.TryParse<WebPubSubErrorCode>(token.Value<string>(), ignoreCase: true, out var code) ? code : WebPubSubErrorCode.ServerError;
        }

        private static bool IsSuccess(JToken code) =>
            (code.Type == JTokenType.String && string.Equals(code.Value<string>(), "success", StringComparison.OrdinalIgnoreCase))
            || (code.Type == JTokenType.Integer && code.Value<int>() == -1);

        private static JToken? Get(JObject json, string name) => json.GetValue(name, StringComparison.OrdinalIgnoreCase);

        private static WebPubSubRequestException Invalid(string message) => new(HttpStatusCode.InternalServerError, message);
    }
}
