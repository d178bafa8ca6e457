using System.Text.Json;
using static Microsoft.Azure.WebPubSub.Common.Serialization.ContentMapper;

// One converter per public model; each only maps to/from its wire shape (see RequestContents/ResponseContents).
namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    internal sealed class ConnectionContextConverter : ContentConverter<WebPubSubConnectionContext, ConnectionContextContent>
    {
        protected override WebPubSubConnectionContext FromContent(ConnectionContextContent content) => ContentMapper.FromContent(content)!;
        protected override ConnectionContextContent ToContent(WebPubSubConnectionContext model) => ContentMapper.ToContent(model)!;
    }

    internal sealed class MqttConnectionContextConverter : ContentConverter<MqttConnectionContext, ConnectionContextContent>
    {
        protected override MqttConnectionContext FromContent(ConnectionContextContent content) => ToMqttContext(content)!;
        protected override ConnectionContextContent ToContent(MqttConnectionContext model) => ContentMapper.ToContent(model)!;
    }

    internal sealed class ClientCertificateConverter : ContentConverter<WebPubSubClientCertificate, ClientCertificateContent>
    {
        protected override WebPubSubClientCertificate FromContent(ClientCertificateContent content) => ContentMapper.FromContent(content);
        protected override ClientCertificateContent ToContent(WebPubSubClientCertificate model) => ContentMapper.ToContent(model);
    }

    internal sealed class MqttConnectPropertiesConverter : ContentConverter<MqttConnectProperties, MqttConnectPropertiesContent>
    {
        protected override MqttConnectProperties FromContent(MqttConnectPropertiesContent content) => ContentMapper.FromContent(content)!;
        protected override MqttConnectPropertiesContent ToContent(MqttConnectProperties model) => ContentMapper.ToContent(model)!;
    }

    internal sealed class MqttDisconnectPacketConverter : ContentConverter<MqttDisconnectPacketProperties, MqttDisconnectPacketContent>
    {
        protected override MqttDisconnectPacketProperties FromContent(MqttDisconnectPacketContent content) => ContentMapper.FromContent(content)!;
        protected override MqttDisconnectPacketContent ToContent(MqttDisconnectPacketProperties model) => ContentMapper.ToContent(model)!;
    }

    internal sealed class MqttDisconnectedPropertiesConverter : ContentConverter<MqttDisconnectedEventRequestProperties, MqttDisconnectedPropertiesContent>
    {
        protected override MqttDisconnectedEventRequestProperties FromContent(MqttDisconnectedPropertiesContent content) => ContentMapper.FromContent(content)!;
        protected override MqttDisconnectedPropertiesContent ToContent(MqttDisconnectedEventRequestProperties model) => ContentMapper.ToContent(model)!;
    }

    internal sealed class MqttErrorPropertiesConverter : ContentConverter<MqttConnectEventErrorResponseProperties, MqttErrorPropertiesContent>
    {
        protected override MqttConnectEventErrorResponseProperties FromContent(MqttErrorPropertiesContent content) => ContentMapper.FromContent(content);
        protected override MqttErrorPropertiesContent ToContent(MqttConnectEventErrorResponseProperties model) => ContentMapper.ToContent(model);
    }

    /// <summary>A body with an <c>mqtt</c> section is read as an <see cref="MqttConnectEventRequest"/>.</summary>
    internal sealed class ConnectEventRequestConverter : ContentConverter<ConnectEventRequest, ConnectEventRequestContent>
    {
        internal static ConnectEventRequestContent Write(ConnectEventRequest model) => new ConnectEventRequestContent
        {
            ConnectionContext = ContentMapper.ToContent(model.ConnectionContext),
            Claims = model.Claims,
            Query = model.Query,
            Headers = model.Headers,
            Subprotocols = model.Subprotocols,
            ClientCertificates = ContentMapper.ToContent(model.ClientCertificates),
            Mqtt = ContentMapper.ToContent((model as MqttConnectEventRequest)?.Mqtt),
        };

        internal static MqttConnectEventRequest ReadMqtt(ConnectEventRequestContent content) => new MqttConnectEventRequest(
            ToMqttContext(Validate(content).ConnectionContext)!,
            content.Claims,
            content.Query,
            ContentMapper.FromContent(content.ClientCertificates),
            content.Headers,
            Require(ContentMapper.FromContent(content.Mqtt), "mqtt"));

        protected override ConnectEventRequest FromContent(ConnectEventRequestContent content) =>
            content.Mqtt != null
                ? ReadMqtt(content)
                : new ConnectEventRequest(
                    ContentMapper.FromContent(Validate(content).ConnectionContext)!,
                    content.Claims,
                    content.Query,
                    content.Subprotocols,
                    ContentMapper.FromContent(content.ClientCertificates),
                    content.Headers);

        protected override ConnectEventRequestContent ToContent(ConnectEventRequest model) => Write(model);
    }

    internal sealed class MqttConnectEventRequestConverter : ContentConverter<MqttConnectEventRequest, ConnectEventRequestContent>
    {
        protected override MqttConnectEventRequest FromContent(ConnectEventRequestContent content) => ConnectEventRequestConverter.ReadMqtt(content);
        protected override ConnectEventRequestContent ToContent(MqttConnectEventRequest model) => ConnectEventRequestConverter.Write(model);
    }

    internal sealed class ConnectedEventRequestConverter : ContentConverter<ConnectedEventRequest, EventRequestContent>
    {
        protected override ConnectedEventRequest FromContent(EventRequestContent content) =>
            new ConnectedEventRequest(ContentMapper.FromContent(content.ConnectionContext)!);

        protected override EventRequestContent ToContent(ConnectedEventRequest model) =>
            new EventRequestContent { ConnectionContext = ContentMapper.ToContent(model.ConnectionContext) };
    }

    /// <summary>A body with an <c>mqtt</c> section is read as an <see cref="MqttDisconnectedEventRequest"/>.</summary>
    internal sealed class DisconnectedEventRequestConverter : ContentConverter<DisconnectedEventRequest, DisconnectedEventRequestContent>
    {
        internal static DisconnectedEventRequestContent Write(DisconnectedEventRequest model) => new DisconnectedEventRequestContent
        {
            ConnectionContext = ContentMapper.ToContent(model.ConnectionContext),
            Reason = model.Reason,
            Mqtt = ContentMapper.ToContent((model as MqttDisconnectedEventRequest)?.Mqtt),
        };

        internal static MqttDisconnectedEventRequest ReadMqtt(DisconnectedEventRequestContent content) => new MqttDisconnectedEventRequest(
            ToMqttContext(content.ConnectionContext)!,
            content.Reason,
            Require(ContentMapper.FromContent(content.Mqtt), "mqtt"));

        protected override DisconnectedEventRequest FromContent(DisconnectedEventRequestContent content) =>
            content.Mqtt != null
                ? ReadMqtt(content)
                : new DisconnectedEventRequest(ContentMapper.FromContent(content.ConnectionContext)!, content.Reason);

        protected override DisconnectedEventRequestContent ToContent(DisconnectedEventRequest model) => Write(model);
    }

    internal sealed class MqttDisconnectedEventRequestConverter : ContentConverter<MqttDisconnectedEventRequest, DisconnectedEventRequestContent>
    {
        protected override MqttDisconnectedEventRequest FromContent(DisconnectedEventRequestContent content) => DisconnectedEventRequestConverter.ReadMqtt(content);
        protected override DisconnectedEventRequestContent ToContent(MqttDisconnectedEventRequest model) => DisconnectedEventRequestConverter.Write(model);
    }

    internal sealed class UserEventRequestConverter : ContentConverter<UserEventRequest, UserEventRequestContent>
    {
        protected override UserEventRequest FromContent(UserEventRequestContent content) =>
            new UserEventRequest(ContentMapper.FromContent(content.ConnectionContext)!, content.Data!, content.DataType);

        protected override UserEventRequestContent ToContent(UserEventRequest model) => new UserEventRequestContent
        {
            ConnectionContext = ContentMapper.ToContent(model.ConnectionContext),
            Data = model.Data,
            DataType = model.DataType,
        };
    }

    internal sealed class JoinedGroupEventRequestConverter : ContentConverter<JoinedGroupEventRequest, GroupEventRequestContent>
    {
        protected override JoinedGroupEventRequest FromContent(GroupEventRequestContent content) =>
            new JoinedGroupEventRequest(ContentMapper.FromContent(content.ConnectionContext)!, content.Group!);

        protected override GroupEventRequestContent ToContent(JoinedGroupEventRequest model) =>
            new GroupEventRequestContent { ConnectionContext = ContentMapper.ToContent(model.ConnectionContext), Group = model.Group };
    }

    internal sealed class LeftGroupEventRequestConverter : ContentConverter<LeftGroupEventRequest, GroupEventRequestContent>
    {
        protected override LeftGroupEventRequest FromContent(GroupEventRequestContent content) =>
            new LeftGroupEventRequest(ContentMapper.FromContent(content.ConnectionContext)!, content.Group!);

        protected override GroupEventRequestContent ToContent(LeftGroupEventRequest model) =>
            new GroupEventRequestContent { ConnectionContext = ContentMapper.ToContent(model.ConnectionContext), Group = model.Group };
    }

    internal sealed class PreflightRequestConverter : ContentConverter<PreflightRequest, PreflightRequestContent>
    {
        protected override PreflightRequest FromContent(PreflightRequestContent content) => new PreflightRequest(content.IsValid);
        protected override PreflightRequestContent ToContent(PreflightRequest model) => new PreflightRequestContent { IsValid = model.IsValid };
    }

    internal sealed class UserEventResponseConverter : ContentConverter<UserEventResponse, UserEventResponseContent>
    {
        protected override UserEventResponse FromContent(UserEventResponseContent content) =>
            new UserEventResponse { Data = content.Data, DataType = content.DataType };

        protected override UserEventResponseContent ToContent(UserEventResponse model) =>
            new UserEventResponseContent { Data = model.Data, DataType = model.DataType };
    }

    /// <summary>
    /// Plain errors are <c>{"code","errorMessage"}</c>; an MQTT rejection (also when typed as the base class) is
    /// written in its own <c>{"mqtt":{...}}</c> form, and a body with <c>mqtt</c> is read back as one.
    /// </summary>
    internal sealed class EventErrorResponseConverter : ContentConverter<EventErrorResponse, EventErrorResponseContent>
    {
        public override void Write(Utf8JsonWriter writer, EventErrorResponse value, JsonSerializerOptions options)
        {
            if (value is MqttConnectEventErrorResponse mqtt)
            {
                JsonSerializer.Serialize(writer, mqtt, options.GetTypeInfo(typeof(MqttConnectEventErrorResponse)));
                return;
            }
            base.Write(writer, value, options);
        }

        protected override EventErrorResponse FromContent(EventErrorResponseContent content)
        {
            if (content.Mqtt != null)
            {
                return new MqttConnectEventErrorResponse(ContentMapper.FromContent(content.Mqtt));
            }

            var response = new EventErrorResponse { ErrorMessage = content.ErrorMessage };
            if (content.Code is WebPubSubStatusCode code)
            {
                response.StatusCode = code;
            }
            return response;
        }

        protected override EventErrorResponseContent ToContent(EventErrorResponse model) =>
            new EventErrorResponseContent { Code = model.StatusCode, ErrorMessage = model.ErrorMessage };
    }

    /// <summary>Only the <c>mqtt</c> section is on the wire; the inherited fields are derived from it.</summary>
    internal sealed class MqttConnectEventErrorResponseConverter : ContentConverter<MqttConnectEventErrorResponse, MqttErrorResponseContent>
    {
        protected override MqttConnectEventErrorResponse FromContent(MqttErrorResponseContent content) =>
            new MqttConnectEventErrorResponse(ContentMapper.FromContent(Require(content.Mqtt, "mqtt")));

        protected override MqttErrorResponseContent ToContent(MqttConnectEventErrorResponse model) =>
            new MqttErrorResponseContent { Mqtt = ContentMapper.ToContent(model.Mqtt) };
    }
}
