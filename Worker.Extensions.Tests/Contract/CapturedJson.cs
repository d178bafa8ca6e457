namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Contract
{
    /// <summary>
    /// What the Functions host passed to isolated workers, captured with this repository's host-side extension and
    /// upstream's (shared/reference/functions-host-contracts.md §3.1); long values shortened. Where the two differ
    /// (MQTT protocol version, subprotocols) both forms are here.
    /// </summary>
    internal static class CapturedJson
    {
        private const string Context = "\"hub\":\"cap\",\"connectionId\":\"c0354f7d\",\"userId\":\"u1\",\"signature\":\"sha256=abc\",\"origin\":\"127.0.0.1\"";

        public const string Connect =
            "{\"claims\":{\"aud\":[\"http://127.0.0.1:38519/client/hubs/cap\"],\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier\":[\"u1\"]}," +
            "\"query\":{\"a\":[\"1\",\"2\"]},\"subprotocols\":[\"json.reliable.webpubsub.azure.v1\"],\"clientCertificates\":[{\"thumbprint\":\"t1\",\"content\":\"c1\"}]," +
            "\"headers\":{\"Upgrade\":[\"websocket\"],\"Sec-WebSocket-Protocol\":[\"json.reliable.webpubsub.azure.v1\"]}," +
            "\"connectionContext\":{\"eventType\":\"System\",\"eventName\":\"connect\"," + Context + ",\"states\":{}," +
            "\"headers\":{\"ce-type\":[\"azure.webpubsub.sys.connect\"],\"ce-hub\":[\"cap\"]}}}";

        // States arrive as base64 of the state bytes: {"n":0} and "plain text".
        public const string Connected =
            "{\"connectionContext\":{\"eventType\":\"System\",\"eventName\":\"connected\"," + Context +
            ",\"states\":{\"visits\":\"eyJuIjowfQ==\",\"note\":\"cGxhaW4gdGV4dA==\"},\"headers\":{\"ce-subprotocol\":[\"json.webpubsub.azure.v1\"]}}}";

        public const string UserText = "{\"data\":\"hello-text\",\"dataType\":\"Text\",\"connectionContext\":{\"eventType\":\"User\",\"eventName\":\"message\"," + Context + ",\"states\":{},\"headers\":{}}}";

        public const string UserJson = "{\"data\":\"{\\\"j\\\":1}\",\"dataType\":\"Json\",\"connectionContext\":{\"eventType\":\"User\",\"eventName\":\"message\"," + Context + ",\"states\":{},\"headers\":{}}}";

        // The host writes binary user data as UTF-8 text today (01 02 03 FF arrives as \u0001\u0002\u0003\ufffd).
        public const string UserBinaryAsText = "{\"data\":\"\\u0001\\u0002\\u0003\\ufffd\",\"dataType\":\"Binary\",\"connectionContext\":{\"eventType\":\"User\",\"eventName\":\"message\"," + Context + ",\"states\":{},\"headers\":{}}}";

        // The lossless form (a Node.js Buffer), which the worker reads byte for byte.
        public const string UserBinaryAsBuffer = "{\"data\":{\"type\":\"Buffer\",\"data\":[1,2,3,255]},\"dataType\":\"Binary\",\"connectionContext\":{\"eventType\":\"User\",\"eventName\":\"message\"," + Context + ",\"states\":{},\"headers\":{}}}";

        public const string Disconnected = "{\"reason\":\"Application server closed the connection. Reason: bye-conn\",\"connectionContext\":{\"eventType\":\"System\",\"eventName\":\"disconnected\"," + Context + ",\"states\":{},\"headers\":{}}}";

        private const string MqttContext = ",\"connectionContext\":{\"physicalConnectionId\":\"phys-1\",\"sessionId\":null,\"eventType\":\"System\",\"eventName\":\"connect\"," + Context + ",\"states\":{},\"headers\":{}}}";

        /// <summary>Ours before the host-side change: the version as its enum name, no subprotocols.</summary>
        public const string MqttConnectOurs =
            "{\"mqtt\":{\"protocolVersion\":\"V311\",\"username\":\"mq\",\"password\":\"cGFzcw==\",\"userProperties\":[{\"name\":\"a\",\"value\":\"b\"}]}," +
            "\"claims\":{},\"query\":{},\"subprotocols\":null,\"clientCertificates\":[],\"headers\":{}" + MqttContext;

        /// <summary>Upstream's (and ours after the host-side change): the version as a number, <c>["mqtt"]</c>.</summary>
        public const string MqttConnectUpstream =
            "{\"mqtt\":{\"protocolVersion\":4,\"username\":\"mq\",\"password\":\"cGFzcw==\",\"userProperties\":[{\"name\":\"a\",\"value\":\"b\"}]}," +
            "\"claims\":{},\"query\":{},\"subprotocols\":[\"mqtt\"],\"clientCertificates\":[],\"headers\":{}" + MqttContext;

        public const string MqttDisconnected =
            "{\"mqtt\":{\"initiatedByClient\":false,\"disconnectPacket\":{\"code\":142,\"userProperties\":[{\"name\":\"k\",\"value\":\"v\"}]}},\"reason\":\"taken over\"," +
            "\"connectionContext\":{\"physicalConnectionId\":\"phys-1\",\"sessionId\":\"s-1\",\"eventType\":\"System\",\"eventName\":\"disconnected\"," + Context + ",\"states\":{},\"headers\":{}}}";

        public const string GroupJoined = "{\"group\":\"lobby\",\"connectionContext\":{\"eventType\":\"GroupPresence\",\"eventName\":\"joined\"," + Context + ",\"states\":{},\"headers\":{}}}";

        public const string GroupLeft = "{\"group\":\"lobby\",\"connectionContext\":{\"eventType\":\"GroupPresence\",\"eventName\":\"left\"," + Context + ",\"states\":{},\"headers\":{}}}";

        public const string Connection =
            "{\"baseUrl\":\"ws://127.0.0.1:38519/client/hubs/cap\",\"url\":\"ws://127.0.0.1:38519/client/hubs/cap?access_token=eyJ.x.y\",\"accessToken\":\"eyJ.x.y\"}";

        public const string ContextPreflight =
            "{\"request\":{\"isValid\":true,\"connectionContext\":null},\"response\":{\"body\":\"\",\"status\":200,\"headers\":{\"WebHook-Allowed-Origin\":[\"127.0.0.1\"]}},\"errorMessage\":null,\"hasError\":false,\"isPreflight\":true}";

        public const string ContextConnect = "{\"request\":" + Connect + ",\"response\":{\"body\":\"\",\"status\":200,\"headers\":{}},\"errorMessage\":null,\"hasError\":false,\"isPreflight\":false}";

        public const string ContextUser = "{\"request\":" + UserText + ",\"response\":{\"body\":\"\",\"status\":200,\"headers\":{}},\"errorMessage\":null,\"hasError\":false,\"isPreflight\":false}";

        public const string ContextDisconnected = "{\"request\":" + Disconnected + ",\"response\":{\"body\":\"\",\"status\":200,\"headers\":{}},\"errorMessage\":null,\"hasError\":false,\"isPreflight\":false}";

        public const string ContextError = "{\"request\":null,\"response\":{\"body\":\"Signature invalid.\",\"status\":401,\"headers\":{}},\"errorMessage\":\"Signature invalid.\",\"hasError\":true,\"isPreflight\":false}";
    }
}
