using System.Collections.Generic;
using System.Linq;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>Maps the public (immutable) models to and from their wire shapes.</summary>
    internal static class ContentMapper
    {
        public static ConnectionContextContent? ToContent(WebPubSubConnectionContext? context)
        {
            if (context == null)
            {
                return null;
            }

            var mqtt = context as MqttConnectionContext;
            return new ConnectionContextContent
            {
                PhysicalConnectionId = mqtt?.PhysicalConnectionId,
                SessionId = mqtt?.SessionId,
                EventType = context.EventType,
                EventName = context.EventName,
                Hub = context.Hub,
                ConnectionId = context.ConnectionId,
                UserId = context.UserId,
                Signature = context.Signature,
                Origin = context.Origin,
                States = context.ConnectionStates,
                Headers = context.Headers,
            };
        }

        /// <summary>A context with MQTT fields comes back as an <see cref="MqttConnectionContext"/>.</summary>
        public static WebPubSubConnectionContext? FromContent(ConnectionContextContent? content)
        {
            if (content == null)
            {
                return null;
            }

            return content.PhysicalConnectionId != null || content.SessionId != null
                ? ToMqttContext(content)
                : new WebPubSubConnectionContext(
                    content.EventType, content.EventName!, content.Hub!, content.ConnectionId!,
                    content.UserId, content.Signature, content.Origin, content.States, content.Headers);
        }

        public static MqttConnectionContext? ToMqttContext(ConnectionContextContent? content) =>
            content == null
                ? null
                : new MqttConnectionContext(
                    content.EventType, content.EventName!, content.Hub!, content.ConnectionId!,
                    content.PhysicalConnectionId!, content.SessionId,
                    content.UserId, content.Signature, content.Origin, content.States, content.Headers);

        public static ClientCertificateContent ToContent(WebPubSubClientCertificate certificate) =>
            new ClientCertificateContent { Thumbprint = certificate.Thumbprint, Content = certificate.Content };

        public static WebPubSubClientCertificate FromContent(ClientCertificateContent content) =>
            FromContent(content, "clientCertificate", index: null);

        /// <summary>The error path (<c>clientCertificates[2].thumbprint</c>) is built only when a value is missing.</summary>
        private static WebPubSubClientCertificate FromContent(ClientCertificateContent? content, string path, int? index)
        {
            if (content?.Thumbprint is { } thumbprint)
            {
                return new WebPubSubClientCertificate(thumbprint, content.Content);
            }
            string at = index is int i ? $"{path}[{i}]" : path;
            throw ContentGuard.Missing(content == null ? at : at + ".thumbprint");
        }

        public static IReadOnlyList<ClientCertificateContent>? ToContent(IReadOnlyList<WebPubSubClientCertificate>? certificates) =>
            certificates?.Select(ToContent).ToArray();

        public static IReadOnlyList<WebPubSubClientCertificate>? FromContent(IReadOnlyList<ClientCertificateContent>? certificates)
        {
            if (certificates == null)
            {
                return null;
            }
            if (certificates.Count == 0)
            {
                return System.Array.Empty<WebPubSubClientCertificate>();
            }
            var mapped = new WebPubSubClientCertificate[certificates.Count];
            for (var i = 0; i < mapped.Length; i++)
            {
                mapped[i] = FromContent(certificates[i], "clientCertificates", i);
            }
            return mapped;
        }

        /// <summary>
        /// The connect body's name/values maps and lists go to the model as they are, so their nulls are checked
        /// here (the mapped parts are checked by their own FromContent). Throws <see cref="System.Text.Json.JsonException"/>.
        /// </summary>
        public static ConnectEventRequestContent Validate(ConnectEventRequestContent content)
        {
            ContentGuard.Values(content.Claims, "claims");
            ContentGuard.Values(content.Query, "query");
            ContentGuard.Values(content.Headers, "headers");
            ContentGuard.Elements(content.Subprotocols, "subprotocols");
            return content;
        }

        public static MqttConnectPropertiesContent? ToContent(MqttConnectProperties? mqtt) =>
            mqtt == null
                ? null
                : new MqttConnectPropertiesContent
                {
                    ProtocolVersion = mqtt.ProtocolVersion,
                    Username = mqtt.Username,
                    Password = mqtt.Password,
                    UserProperties = mqtt.UserProperties,
                };

        public static MqttConnectProperties? FromContent(MqttConnectPropertiesContent? content) =>
            content == null
                ? null
                : new MqttConnectProperties(
                    KnownProtocolVersion(content.ProtocolVersion), content.Username, content.Password,
                    ContentGuard.UserProperties(content.UserProperties, "mqtt.userProperties"));

        // Responses are built per protocol version, so a version the model has no answer for is refused up front.
        private static MqttProtocolVersion KnownProtocolVersion(MqttProtocolVersion version) =>
            version is MqttProtocolVersion.V311 or MqttProtocolVersion.V500
                ? version
                : throw new System.Text.Json.JsonException(
                    $"'mqtt.protocolVersion' must be 4 (MQTT 3.1.1) or 5 (MQTT 5.0); got {(int)version}.");

        public static MqttDisconnectPacketContent? ToContent(MqttDisconnectPacketProperties? packet) =>
            packet == null ? null : new MqttDisconnectPacketContent { Code = packet.Code, UserProperties = packet.UserProperties };

        public static MqttDisconnectPacketProperties? FromContent(MqttDisconnectPacketContent? content) =>
            content == null
                ? null
                : new MqttDisconnectPacketProperties(content.Code, ContentGuard.UserProperties(content.UserProperties, "mqtt.disconnectPacket.userProperties"));

        public static MqttDisconnectedPropertiesContent? ToContent(MqttDisconnectedEventRequestProperties? mqtt) =>
            mqtt == null
                ? null
                : new MqttDisconnectedPropertiesContent { InitiatedByClient = mqtt.InitiatedByClient, DisconnectPacket = ToContent(mqtt.DisconnectPacket) };

        public static MqttDisconnectedEventRequestProperties? FromContent(MqttDisconnectedPropertiesContent? content) =>
            content == null ? null : new MqttDisconnectedEventRequestProperties(content.InitiatedByClient, FromContent(content.DisconnectPacket));

        public static MqttErrorPropertiesContent ToContent(MqttConnectEventErrorResponseProperties mqtt) =>
            new MqttErrorPropertiesContent { Code = mqtt.Code, Reason = mqtt.Reason, UserProperties = mqtt.UserProperties };

        public static MqttConnectEventErrorResponseProperties FromContent(MqttErrorPropertiesContent content) =>
            new MqttConnectEventErrorResponseProperties(content.Code)
            {
                Reason = content.Reason,
                UserProperties = ContentGuard.UserProperties(content.UserProperties, "mqtt.userProperties"),
            };
    }
}
