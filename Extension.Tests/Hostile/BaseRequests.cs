using System;
using System.Net.Http;
using System.Text;
using static Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure.CloudEventRequests;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// Valid, signed requests of every kind the hostile-input functions handle, shaped like the captured
    /// service requests. Each is the starting point of a generated request, and unchanged a control request.
    /// </summary>
    internal static class BaseRequests
    {
        private const string ConnectBody =
            "{\"claims\":{\"aud\":[\"http://127.0.0.1/client/hubs/fuzz\"],\"iat\":[\"1795829596\"]," +
            "\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier\":[\"user1\"],\"role\":[\"webpubsub.joinLeaveGroup\",\"webpubsub.sendToGroup\"]}," +
            "\"query\":{\"room\":[\"a\"]},\"headers\":{\"Connection\":[\"Upgrade\"],\"Host\":[\"127.0.0.1\"]}," +
            "\"subprotocols\":[\"json.webpubsub.azure.v1\"],\"clientCertificates\":[{\"thumbprint\":\"ab12\",\"content\":\"pem\"}]}";

        private const string MqttConnectBody =
            "{\"claims\":{},\"query\":{},\"headers\":{},\"subprotocols\":[\"mqtt\"],\"clientCertificates\":[]," +
            "\"mqtt\":{\"protocolVersion\":5,\"cleanStart\":true,\"username\":\"u\",\"password\":\"cGFzcw==\",\"userProperties\":[{\"name\":\"a\",\"value\":\"b\"}]}}";

        private const string MqttDisconnectedBody =
            "{\"reason\":\"bye\",\"mqtt\":{\"initiatedByClient\":true,\"disconnectPacket\":{\"code\":0,\"userProperties\":[{\"name\":\"a\",\"value\":\"b\"}]}}}";

        /// <summary>The kinds, by name; <see cref="Create(string, string, string)"/> builds one for a connection id and hub.</summary>
        public static readonly string[] Kinds =
        {
            "connect", "mqttConnect", "connected", "disconnected", "mqttDisconnected", "text", "json", "binary",
            "otherUserEvent", "joined", "left", "handshake",
        };

        public static HostileRequest Create(string kind, string connectionId, string hub)
        {
            var request = Create(kind, connectionId);
            if (request.Get("ce-hub") != null)
            {
                request.Set("ce-hub", hub);
                request.Set("ce-source", $"/hubs/{hub}/client/{connectionId}");
            }
            return request;
        }

        private static HostileRequest Create(string kind, string connectionId) => kind switch
        {
            "connect" => Event("sys.connect", "connect", connectionId, ConnectBody),
            "mqttConnect" => Mqtt(Event("sys.connect", "connect", connectionId, MqttConnectBody)),
            "connected" => Event("sys.connected", "connected", connectionId, "{}"),
            "disconnected" => Event("sys.disconnected", "disconnected", connectionId, "{\"reason\":\"bye\"}"),
            "mqttDisconnected" => Mqtt(Event("sys.disconnected", "disconnected", connectionId, MqttDisconnectedBody)),
            "text" => Event("user.message", "message", connectionId, "hello upstream", "text/plain; charset=utf-8"),
            "json" => Event("user.message", "message", connectionId, "{\"a\":[1,2,{\"b\":null}]}"),
            "binary" => Event("user.message", "message", connectionId, "\u0000\u0001binary", "application/octet-stream"),
            "otherUserEvent" => Event("user.typing", "typing", connectionId, "typing...", "text/plain"),
            "joined" => Event("gp.joined", "joined", connectionId, "{\"group\":\"room\"}"),
            "left" => Event("gp.left", "left", connectionId, "{\"group\":\"room\"}"),
            "handshake" => Handshake(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        private static HostileRequest Event(string type, string eventName, string connectionId, string body, string contentType = "application/json")
        {
            var request = new HostileRequest { Body = Encoding.UTF8.GetBytes(body), ContentType = contentType };
            request.Set("WebHook-Request-Origin", ServiceHost);
            request.Set("ce-specversion", "1.0");
            request.Set("ce-awpsversion", "1.0");
            request.Set("ce-type", "azure.webpubsub." + type);
            request.Set("ce-source", $"/hubs/{HostileFunctions.Hub}/client/{connectionId}");
            request.Set("ce-id", "1");
            request.Set("ce-time", "2026-11-28T01:33:16Z");
            request.Set("ce-hub", HostileFunctions.Hub);
            request.Set("ce-connectionId", connectionId);
            request.Set("ce-eventName", eventName);
            request.Set("ce-userId", "user1");
            request.Set("ce-signature", $"{Sign(connectionId, AccessKey)},{Sign(connectionId, SecondaryKey)}");
            return request;
        }

        private static HostileRequest Mqtt(HostileRequest request)
        {
            request.Set("ce-subprotocol", "mqtt");
            request.Set("ce-physicalConnectionId", "phys-" + request.Get("ce-connectionId"));
            return request;
        }

        private static HostileRequest Handshake()
        {
            var request = new HostileRequest { Method = HttpMethod.Options };
            request.Set("WebHook-Request-Origin", ServiceHost);
            request.Set("ce-awpsversion", "1.0");
            return request;
        }
    }
}
