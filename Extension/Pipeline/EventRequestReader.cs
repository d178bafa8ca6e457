using System;
using System.Net;
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
        public static async Task<WebPubSubEventRequest?> ReadAsync(IncomingRequest request, CloudEventsHeaders headers, CancellationToken cancellationToken)
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
            var json = WebPubSubCommonJsonContext.Default;
            switch (headers.Kind)
            {
                case RequestKind.Connect:
                    var connect = Deserialize(body, json.ConnectEventRequestContent, "connect") ?? new ConnectEventRequestContent();
                    var certificates = ContentMapper.FromContent(connect.ClientCertificates);
                    return context is MqttConnectionContext mqttContext && connect.Mqtt != null
                        ? new MqttConnectEventRequest(mqttContext, connect.Claims!, connect.Query!, certificates!, connect.Headers!, ContentMapper.FromContent(connect.Mqtt)!)
                        : new ConnectEventRequest(context, connect.Claims!, connect.Query!, connect.Subprotocols!, certificates!, connect.Headers!);
                case RequestKind.Disconnected:
                    var disconnected = Deserialize(body, json.DisconnectedEventRequestContent, "disconnected") ?? new DisconnectedEventRequestContent();
                    return context is MqttConnectionContext mqttDisconnected && disconnected.Mqtt != null
                        ? new MqttDisconnectedEventRequest(mqttDisconnected, disconnected.Reason!, ContentMapper.FromContent(disconnected.Mqtt)!)
                        : new DisconnectedEventRequest(context, disconnected.Reason!);
                default:
                    var group = Deserialize(body, json.GroupEventRequestContent, headers.EventName)?.Group
                        ?? throw WebPubSubRequestException.BadRequest($"The {headers.EventName} event body must contain 'group'.");
                    return headers.Kind == RequestKind.GroupJoined
                        ? new JoinedGroupEventRequest(context, group)
                        : new LeftGroupEventRequest(context, group);
            }
        }

        public static WebPubSubConnectionContext CreateContext(IncomingRequest request, CloudEventsHeaders headers)
        {
            var states = ConnectionStatesEncoding.Decode(headers.ConnectionState);
            var origin = string.Join(",", headers.Origins);
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
                $"Message data only supports text, binary, json. Current value is: {(string.IsNullOrEmpty(mediaType) ? "(no Content-Type)" : mediaType)}");
        }

        private static T? Deserialize<T>(BinaryData body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, string eventName)
            where T : class
        {
            if (body.ToMemory().IsEmpty)
            {
                return null;
            }
            try
            {
                return JsonSerializer.Deserialize(body.ToMemory().Span, typeInfo);
            }
            catch (JsonException e)
            {
                throw new WebPubSubRequestException(HttpStatusCode.BadRequest, $"Invalid {eventName} event body: {e.Message}");
            }
        }
    }
}
