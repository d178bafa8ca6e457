using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// Step: turn what a function returned for a blocking event (connect, user event) into the HTTP answer the
    /// service expects. C# functions return the Common response types; script languages return JSON objects,
    /// which <see cref="ScriptResponseReader"/> maps to the same types first.
    /// </summary>
    internal static class EventResponseWriter
    {
        public static HttpResponseMessage Write(RequestKind kind, WebPubSubEventRequest? request, object? returnValue)
        {
            if (!kind.IsBlocking() || returnValue == null)
            {
                return new HttpResponseMessage(HttpStatusCode.OK);
            }
            var isMqtt = request?.ConnectionContext is MqttConnectionContext;
            var response = returnValue switch
            {
                WebPubSubEventResponse typed => typed,
                JToken json => ScriptResponseReader.Read(kind, json, isMqtt),
                string text => ScriptResponseReader.Read(kind, ParseScriptText(text), isMqtt),
                _ => throw new WebPubSubRequestException(HttpStatusCode.InternalServerError,
                    $"The function returned a '{returnValue.GetType().Name}'; a {kind} event expects {Expected(kind)}."),
            };
            return Write(kind, request!, response);
        }

        /// <summary>The answer when the function failed: the service must not wait for a response that never comes.</summary>
        public static HttpResponseMessage WriteFunctionFailure(RequestKind kind, WebPubSubEventRequest? request, string message)
        {
            if (kind == RequestKind.Connect && request is MqttConnectEventRequest mqtt)
            {
                return Write(kind, request, mqtt.CreateErrorResponse(WebPubSubErrorCode.ServerError, message));
            }
            return ResponseFactory.Text(HttpStatusCode.InternalServerError, message);
        }

        private static HttpResponseMessage Write(RequestKind kind, WebPubSubEventRequest request, WebPubSubEventResponse response)
        {
            switch (response)
            {
                case EventErrorResponse error:
                    return WriteError(error);
                case ConnectEventResponse connect when kind == RequestKind.Connect:
                    var connectResponse = ResponseFactory.Json(HttpStatusCode.OK, SerializeConnect(connect));
                    ConnectionStatesHeader.Write(connectResponse, request.ConnectionContext.ConnectionStates, connect.ConnectionStates, connect.StatesCleared);
                    return connectResponse;
                case UserEventResponse user when kind == RequestKind.User:
                    var userResponse = WriteUserData(user);
                    ConnectionStatesHeader.Write(userResponse, request.ConnectionContext.ConnectionStates, user.ConnectionStates, user.StatesCleared);
                    return userResponse;
                default:
                    throw new WebPubSubRequestException(HttpStatusCode.InternalServerError,
                        $"Invalid response type: '{response.GetType().Name}' for a {kind} event; expected {Expected(kind)}.");
            }
        }

        private static byte[] SerializeConnect(ConnectEventResponse connect)
        {
            try
            {
                return ResponseJson.SerializeConnectResponse(connect);
            }
            catch (JsonException e)
            {
                // The function's answer is unusable: a 500 that says why, not the generic "failed unexpectedly".
                throw new WebPubSubRequestException(HttpStatusCode.InternalServerError, $"Invalid connect response: {e.Message}");
            }
        }

        private static HttpResponseMessage WriteError(EventErrorResponse error)
        {
            var status = StatusOf(error.Code);
            return error is MqttConnectEventErrorResponse mqtt
                ? ResponseFactory.Json(status, ResponseJson.SerializeMqttError(mqtt))
                : ResponseFactory.Text(status, error.ErrorMessage);
        }

        private static HttpResponseMessage WriteUserData(UserEventResponse user)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            if (user.Data != null)
            {
                response.Content = new ByteArrayContent(user.Data.ToArray());
                response.Content.Headers.ContentType = ContentTypeOf(user.DataType);
            }
            return response;
        }

        public static HttpStatusCode StatusOf(WebPubSubErrorCode code) => code switch
        {
            WebPubSubErrorCode.UserError => HttpStatusCode.BadRequest,
            WebPubSubErrorCode.Unauthorized => HttpStatusCode.Unauthorized,
            _ => HttpStatusCode.InternalServerError,
        };

        private static MediaTypeHeaderValue ContentTypeOf(WebPubSubDataType dataType) => dataType switch
        {
            WebPubSubDataType.Text => new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" },
            WebPubSubDataType.Json => new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" },
            _ => new MediaTypeHeaderValue("application/octet-stream"),
        };

        private static string Expected(RequestKind kind) => kind == RequestKind.Connect
            ? "a ConnectEventResponse, an EventErrorResponse or null"
            : "a UserEventResponse, an EventErrorResponse or null";

        private static JToken ParseScriptText(string text)
        {
            try
            {
                return JToken.Parse(text);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                throw new WebPubSubRequestException(HttpStatusCode.InternalServerError, "Response should be a JSON object.");
            }
        }
    }
}
