using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Azure.WebPubSub.Common.Serialization;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// Step: read the body of an event request (once) and build the typed request with its connection context.
    /// A malformed body or an unsupported content type is a 400 that says what is wrong.
    /// </summary>
    internal static class EventRequestReader
    {
        public static async ValueTask<WebPubSubEventRequest?> ReadAsync(IncomingRequest request, CloudEventsHeaders headers, CancellationToken cancellationToken)
        {
            var context = CreateContext(request, headers);
            switch (headers.Kind)
            {
                case RequestKind.Connected:
                    return new ConnectedEventRequest(context);
                case RequestKind.OtherSystem:
                    return null;
                case RequestKind.User:
                    var dataType = DataTypeOf(request.MediaType);
                    return new UserEventRequest(context, await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false), dataType);
            }

            // The body shapes are the Common model's own wire contents; only the connection context comes from headers.
            var body = await request.ReadBodyAsync(cancellationToken).ConfigureAwait(false);
            RequireJsonMediaType(request.MediaType, body, headers.EventName);
            try
            {
                return ReadJsonEvent(headers, context, body);
            }
            catch (JsonException e)
            {
                // Also the mapper's null checks: the message names the field (whose path may quote hostile names).
                throw WebPubSubRequestException.BadRequest($"Invalid {headers.EventName} event body: {WebPubSubRequestException.Excerpt(e.Message, 500)}");
            }
        }

        private static WebPubSubEventRequest ReadJsonEvent(CloudEventsHeaders headers, WebPubSubConnectionContext context, BinaryData body)
        {
            var json = WebPubSubCommonJsonContext.Default;
            switch (headers.Kind)
            {
                case RequestKind.Connect:
                    return ReadConnect(context, Deserialize(body, json.ConnectEventRequestContent) ?? new ConnectEventRequestContent());
                case RequestKind.Disconnected:
                    var disconnected = Deserialize(body, json.DisconnectedEventRequestContent) ?? new DisconnectedEventRequestContent();
                    return context is MqttConnectionContext mqttDisconnected
                        ? new MqttDisconnectedEventRequest(mqttDisconnected, disconnected.Reason, ContentMapper.FromContent(disconnected.Mqtt) ?? throw MissingMqtt())
                        : new DisconnectedEventRequest(context, disconnected.Reason);
                default:
                    var group = Deserialize(body, json.GroupEventRequestContent)?.Group;
                    if (string.IsNullOrEmpty(group))
                    {
                        throw new JsonException("the body must contain a non-empty 'group'.");
                    }
                    return headers.Kind == RequestKind.GroupJoined
                        ? new JoinedGroupEventRequest(context, group!)
                        : new LeftGroupEventRequest(context, group!);
            }
        }

        /// <summary>An MQTT client's request always gets the MQTT request type, or a 400: never a half-MQTT request.</summary>
        private static ConnectEventRequest ReadConnect(WebPubSubConnectionContext context, ConnectEventRequestContent connect)
        {
            ContentMapper.Validate(connect);
            var certificates = ContentMapper.FromContent(connect.ClientCertificates);
            return context is MqttConnectionContext mqttContext
                ? new MqttConnectEventRequest(mqttContext, connect.Claims, connect.Query, certificates, connect.Headers, ContentMapper.FromContent(connect.Mqtt) ?? throw MissingMqtt())
                : new ConnectEventRequest(context, connect.Claims, connect.Query, connect.Subprotocols, certificates, connect.Headers);
        }

        private static JsonException MissingMqtt() => new(
            $"requests of MQTT clients ('{WebPubSubHeaders.Subprotocol}: mqtt' with '{WebPubSubHeaders.PhysicalConnectionId}') must have an 'mqtt' section.");

        public static WebPubSubConnectionContext CreateContext(IncomingRequest request, CloudEventsHeaders headers)
        {
            var states = headers.ConnectionStates;
            var origin = headers.Origins.Count == 1 ? headers.Origins[0] : string.Join(",", headers.Origins);
            var allHeaders = request.GetAllHeaders();
            return headers.IsMqtt
                ? new MqttConnectionContext(headers.EventType, headers.EventName, headers.Hub, headers.ConnectionId, headers.PhysicalConnectionId!,
                    headers.SessionId, headers.UserId, headers.Signature, origin, states, allHeaders)
                : new WebPubSubConnectionContext(headers.EventType, headers.EventName, headers.Hub, headers.ConnectionId,
                    headers.UserId, headers.Signature, origin, states, allHeaders);
        }

        /// <summary>User event payloads: the media type says what the bytes are; parameters such as charset are ignored.</summary>
        public static WebPubSubDataType DataTypeOf(string? mediaType)
        {
            if (string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
            {
                return WebPubSubDataType.Text;
            }
            if (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                return WebPubSubDataType.Json;
            }
            if (string.Equals(mediaType, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                return WebPubSubDataType.Binary;
            }
            throw WebPubSubRequestException.BadRequest(
                $"Message data only supports text, binary, json. Current value is: {Describe(mediaType)}");
        }

        /// <summary>
        /// JSON-bodied events (connect, disconnected, group presence) must say so, like user events must name a
        /// supported type: the same 400 for every event kind. An empty body needs no type.
        /// </summary>
        private static void RequireJsonMediaType(string? mediaType, BinaryData body, string eventName)
        {
            if (body.ToMemory().IsEmpty || IsJson(mediaType))
            {
                return;
            }
            throw WebPubSubRequestException.BadRequest(
                $"The {eventName} event body must be JSON (Content-Type: application/json). Current value is: {Describe(mediaType)}");
        }

        private static string Describe(string? mediaType) =>
            string.IsNullOrEmpty(mediaType) ? "(no Content-Type)" : WebPubSubRequestException.Excerpt(mediaType!);

        private static bool IsJson(string? mediaType) =>
            mediaType != null
            && (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

        /// <summary>Null for an empty body or a JSON <c>null</c> (nothing sent); anything but an object is a <see cref="JsonException"/>.</summary>
        private static T? Deserialize<T>(BinaryData body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
            where T : class
        {
            var bytes = body.ToMemory().Span;
            if (bytes.StartsWith(Utf8Bom))
            {
                bytes = bytes.Slice(Utf8Bom.Length);
            }
            if (bytes.IsEmpty)
            {
                return null;
            }
            try
            {
                return JsonSerializer.Deserialize(bytes, typeInfo);
            }
            catch (InvalidOperationException e)
            {
                // Converters that read through JsonElement report invalid UTF-8 or a lone surrogate escape ("\ud800")
                // this way rather than as a JsonException; it is still a malformed body.
                throw new JsonException(e.Message, e);
            }
        }

        private static ReadOnlySpan<byte> Utf8Bom => new byte[] { 0xEF, 0xBB, 0xBF };
    }
}
