using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Serialization;
using NUnit.Framework;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Contract
{
    /// <summary>Every JSON the host passes to isolated workers binds into the worker models with every field.</summary>
    public class HostToWorkerTests
    {
        private static T Bind<T>(string json)
        {
            var result = new WebPubSubInputConverter().ConvertAsync(new TestConverterContext(typeof(T), json)).AsTask().GetAwaiter().GetResult();
            Assert.That(result.Status, Is.EqualTo(ConversionStatus.Succeeded), result.Error?.ToString());
            return (T)result.Value!;
        }

        [Test]
        public void Connect_BindsEveryField()
        {
            var request = Bind<ConnectEventRequest>(CapturedJson.Connect);

            Assert.That(request, Is.Not.InstanceOf<MqttConnectEventRequest>());
            Assert.That(request.Claims!["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier"], Is.EqualTo(new[] { "u1" }));
            Assert.That(request.Claims.Keys, Is.EqualTo(new[] { "aud", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier" }));
            Assert.That(request.Query!["a"], Is.EqualTo(new[] { "1", "2" }));
            Assert.That(request.Subprotocols, Is.EqualTo(new[] { "json.reliable.webpubsub.azure.v1" }));
            Assert.That(request.ClientCertificates!.Single().Thumbprint, Is.EqualTo("t1"));
            Assert.That(request.ClientCertificates!.Single().Content, Is.EqualTo("c1"));
            Assert.That(request.Headers!["Upgrade"], Is.EqualTo(new[] { "websocket" }));
            AssertContext(request.ConnectionContext, WebPubSubEventType.System, "connect");
            Assert.That(request.ConnectionContext.Headers!["ce-hub"], Is.EqualTo(new[] { "cap" }));
            Assert.That(request.ConnectionContext.ConnectionStates, Is.Empty);
        }

        [Test]
        public void Connected_DecodesBase64States()
        {
            var request = Bind<ConnectedEventRequest>(CapturedJson.Connected);

            AssertContext(request.ConnectionContext, WebPubSubEventType.System, "connected");
            Assert.That(request.ConnectionContext.ConnectionStates["visits"].ToString(), Is.EqualTo("{\"n\":0}"));
            Assert.That(request.ConnectionContext.ConnectionStates["note"].ToString(), Is.EqualTo("plain text"));
            Assert.That(request.ConnectionContext.Headers!["ce-subprotocol"], Is.EqualTo(new[] { "json.webpubsub.azure.v1" }));
        }

        [Test]
        public void Connected_ReadsStatesAsJsonValues_TheScriptForm()
        {
            var json = CapturedJson.Connected.Replace("{\"visits\":\"eyJuIjowfQ==\",\"note\":\"cGxhaW4gdGV4dA==\"}", "{\"visits\":{\"n\":0},\"count\":3}");

            var states = Bind<ConnectedEventRequest>(json).ConnectionContext.ConnectionStates;

            Assert.That(states["visits"].ToString(), Is.EqualTo("{\"n\":0}"));
            Assert.That(states["count"].ToString(), Is.EqualTo("3"));
        }

        [TestCase(CapturedJson.UserText, WebPubSubDataType.Text, new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o', (byte)'-', (byte)'t', (byte)'e', (byte)'x', (byte)'t' })]
        [TestCase(CapturedJson.UserJson, WebPubSubDataType.Json, new byte[] { (byte)'{', (byte)'"', (byte)'j', (byte)'"', (byte)':', (byte)'1', (byte)'}' })]
        [TestCase(CapturedJson.UserBinaryAsBuffer, WebPubSubDataType.Binary, new byte[] { 1, 2, 3, 255 })]
        public void UserEvent_BindsDataByteForByte(string json, WebPubSubDataType dataType, byte[] expected)
        {
            var request = Bind<UserEventRequest>(json);

            Assert.That(request.DataType, Is.EqualTo(dataType));
            Assert.That(request.Data!.ToArray(), Is.EqualTo(expected));
            AssertContext(request.ConnectionContext, WebPubSubEventType.User, "message");
        }

        [Test]
        public void UserEvent_BinaryAsText_IsTheTextTheHostSent()
        {
            // The host-side extension damages binary user data before the worker sees it (reported; see README).
            var request = Bind<UserEventRequest>(CapturedJson.UserBinaryAsText);

            Assert.That(request.Data!.ToString(), Is.EqualTo("\u0001\u0002\u0003\ufffd"));
        }

        [TestCase("1", WebPubSubDataType.Json)]
        [TestCase("0", WebPubSubDataType.Binary)]
        [TestCase("\"text\"", WebPubSubDataType.Text)]
        public void UserEvent_DataTypeAsNumberOrAnyCase(string dataType, WebPubSubDataType expected)
        {
            var request = Bind<UserEventRequest>(CapturedJson.UserText.Replace("\"Text\"", dataType));

            Assert.That(request.DataType, Is.EqualTo(expected));
        }

        [Test]
        public void Disconnected_BindsReason()
        {
            var request = Bind<DisconnectedEventRequest>(CapturedJson.Disconnected);

            Assert.That(request, Is.Not.InstanceOf<MqttDisconnectedEventRequest>());
            Assert.That(request.Reason, Is.EqualTo("Application server closed the connection. Reason: bye-conn"));
            AssertContext(request.ConnectionContext, WebPubSubEventType.System, "disconnected");
        }

        [TestCase(CapturedJson.MqttConnectOurs, null)]
        [TestCase(CapturedJson.MqttConnectUpstream, "mqtt")]
        public void MqttConnect_BindsAsMqttRequest_BothHostForms(string json, string? subprotocol)
        {
            foreach (var request in new[] { Bind<ConnectEventRequest>(json), Bind<MqttConnectEventRequest>(json), (ConnectEventRequest)Bind<WebPubSubEventRequest>(json) })
            {
                var mqtt = (MqttConnectEventRequest)request;
                Assert.That(mqtt.Mqtt.ProtocolVersion, Is.EqualTo(MqttProtocolVersion.V311));
                Assert.That(mqtt.Mqtt.Username, Is.EqualTo("mq"));
                Assert.That(mqtt.Mqtt.Password, Is.EqualTo("cGFzcw=="));
                Assert.That(mqtt.Mqtt.UserProperties!.Single().Name, Is.EqualTo("a"));
                Assert.That(mqtt.Mqtt.UserProperties!.Single().Value, Is.EqualTo("b"));
                Assert.That(mqtt.Subprotocols?.SingleOrDefault(), Is.EqualTo(subprotocol));
                Assert.That(mqtt.ConnectionContext.PhysicalConnectionId, Is.EqualTo("phys-1"));
                Assert.That(mqtt.ConnectionContext.SessionId, Is.Null);
                AssertContext(mqtt.ConnectionContext, WebPubSubEventType.System, "connect");
            }
        }

        [Test]
        public void MqttDisconnected_BindsPacket()
        {
            var request = (MqttDisconnectedEventRequest)Bind<DisconnectedEventRequest>(CapturedJson.MqttDisconnected);

            Assert.That(request.Reason, Is.EqualTo("taken over"));
            Assert.That(request.Mqtt.InitiatedByClient, Is.False);
            Assert.That(request.Mqtt.DisconnectPacket!.Code, Is.EqualTo(MqttDisconnectReasonCode.SessionTakenOver));
            Assert.That(request.Mqtt.DisconnectPacket.UserProperties!.Single().Value, Is.EqualTo("v"));
            Assert.That(request.ConnectionContext.SessionId, Is.EqualTo("s-1"));
        }

        [Test]
        public void GroupPresence_BindsGroup()
        {
            var joined = Bind<JoinedGroupEventRequest>(CapturedJson.GroupJoined);
            var left = (LeftGroupEventRequest)Bind<WebPubSubEventRequest>(CapturedJson.GroupLeft);

            Assert.That(joined.Group, Is.EqualTo("lobby"));
            Assert.That(left.Group, Is.EqualTo("lobby"));
            AssertContext(joined.ConnectionContext, WebPubSubEventType.GroupPresence, "joined");
        }

        [Test]
        public void ConnectionContext_BindsOnItsOwn()
        {
            var context = Bind<WebPubSubConnectionContext>(Extract(CapturedJson.Connected, "connectionContext"));

            AssertContext(context, WebPubSubEventType.System, "connected");
            Assert.That(context.ConnectionStates, Has.Count.EqualTo(2));
        }

        [Test]
        public void ConnectionInput_BindsEveryField()
        {
            var connection = Bind<WebPubSubConnection>(CapturedJson.Connection);

            Assert.That(connection.BaseUri, Is.EqualTo(new Uri("ws://127.0.0.1:38519/client/hubs/cap")));
            Assert.That(connection.Uri, Is.EqualTo(new Uri("ws://127.0.0.1:38519/client/hubs/cap?access_token=eyJ.x.y")));
            Assert.That(connection.AccessToken, Is.EqualTo("eyJ.x.y"));
        }

        [Test]
        public void ConnectionInput_TheHostsOwnJson_ObjectAndStringForms()
        {
            var hostConnection = new Microsoft.Azure.WebJobs.Extensions.WebPubSub.WebPubSubConnection(new Uri("wss://abc.webpubsub.azure.com/client/hubs/chat?access_token=t.o.k"));
            // The host's converters for JObject (a model parameter) and string (a string parameter) write the same JSON.
            var json = Microsoft.Azure.WebJobs.Extensions.WebPubSub.ScriptJson.ToJsonString(hostConnection);

            var connection = Bind<WebPubSubConnection>(json);

            Assert.That(connection.BaseUri, Is.EqualTo(hostConnection.BaseUri));
            Assert.That(connection.Uri, Is.EqualTo(hostConnection.Uri));
            Assert.That(connection.AccessToken, Is.EqualTo("t.o.k"));
        }

        [Test]
        public void ConnectionInput_BindsFromBytes()
        {
            var result = new WebPubSubInputConverter().ConvertAsync(new TestConverterContext(typeof(WebPubSubConnection), new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(CapturedJson.Connection)))).AsTask().Result;

            Assert.That(((WebPubSubConnection)result.Value!).AccessToken, Is.EqualTo("eyJ.x.y"));
        }

        [Test]
        public void Context_Preflight()
        {
            var context = Bind<WebPubSubContext>(CapturedJson.ContextPreflight);

            Assert.That(context.IsPreflight, Is.True);
            Assert.That(context.HasError, Is.False);
            Assert.That(((PreflightRequest)context.Request!).IsValid, Is.True);
            Assert.That(context.Response.Status, Is.EqualTo(200));
            Assert.That(context.Response.Body, Is.Empty);
            Assert.That(context.Response.Headers["WebHook-Allowed-Origin"], Is.EqualTo(new[] { "127.0.0.1" }));
        }

        [TestCase(CapturedJson.ContextConnect, typeof(ConnectEventRequest), "connect")]
        [TestCase(CapturedJson.ContextUser, typeof(UserEventRequest), "message")]
        [TestCase(CapturedJson.ContextDisconnected, typeof(DisconnectedEventRequest), "disconnected")]
        public void Context_Events(string json, Type requestType, string eventName)
        {
            var context = Bind<WebPubSubContext>(json);

            Assert.That(context.Request, Is.TypeOf(requestType));
            Assert.That(context.Request!.ConnectionContext.EventName, Is.EqualTo(eventName));
            Assert.That(context.IsPreflight, Is.False);
            Assert.That(context.ErrorMessage, Is.Null);
        }

        [Test]
        public void Context_Error()
        {
            var context = Bind<WebPubSubContext>(CapturedJson.ContextError);

            Assert.That(context.HasError, Is.True);
            Assert.That(context.ErrorMessage, Is.EqualTo("Signature invalid."));
            Assert.That(context.Response.Status, Is.EqualTo(401));
            Assert.That(context.Request, Is.Null);
        }

        [TestCase(CapturedJson.ContextPreflight)]
        [TestCase(CapturedJson.ContextConnect)]
        [TestCase(CapturedJson.ContextUser)]
        [TestCase(CapturedJson.ContextError)]
        public void Context_WritesTheShapeItReads(string json)
        {
            var context = Bind<WebPubSubContext>(json);

            var copy = Bind<WebPubSubContext>(System.Text.Json.JsonSerializer.Serialize(context));

            Assert.That(copy.Request?.GetType(), Is.EqualTo(context.Request?.GetType()));
            Assert.That(copy.Request?.ConnectionContext?.ConnectionId, Is.EqualTo(context.Request?.ConnectionContext?.ConnectionId));
            Assert.That((copy.Request as UserEventRequest)?.Data?.ToString(), Is.EqualTo((context.Request as UserEventRequest)?.Data?.ToString()));
            Assert.That(copy.Response.Status, Is.EqualTo(context.Response.Status));
            Assert.That(copy.Response.Headers.Keys, Is.EqualTo(context.Response.Headers.Keys));
            Assert.That((copy.ErrorMessage, copy.HasError, copy.IsPreflight), Is.EqualTo((context.ErrorMessage, context.HasError, context.IsPreflight)));
        }

        [Test]
        public async Task OtherTargets_AreLeftToTheWorker()
        {
            var result = await new WebPubSubInputConverter().ConvertAsync(new TestConverterContext(typeof(string), CapturedJson.Connect));

            Assert.That(result.Status, Is.EqualTo(ConversionStatus.Unhandled));
        }

        [Test]
        public async Task MalformedJson_FailsTheConversion()
        {
            var result = await new WebPubSubInputConverter().ConvertAsync(new TestConverterContext(typeof(ConnectEventRequest), "{not json"));

            Assert.That(result.Status, Is.EqualTo(ConversionStatus.Failed));
        }

        [Test]
        public void ModelTypes_NameTheConverter_SoTheAppSerializerIsNotUsed()
        {
            foreach (var type in new[] { typeof(ConnectEventRequest), typeof(UserEventRequest), typeof(MqttConnectEventRequest), typeof(WebPubSubConnectionContext), typeof(WebPubSubConnection), typeof(WebPubSubContext) })
            {
                var attribute = (InputConverterAttribute)type.GetCustomAttributes(typeof(InputConverterAttribute), inherit: true).Single();
                Assert.That(attribute.ConverterType, Is.EqualTo(typeof(WebPubSubInputConverter)), type.Name);
            }
        }

        internal static void AssertContext(WebPubSubConnectionContext context, WebPubSubEventType eventType, string eventName)
        {
            Assert.That(context.EventType, Is.EqualTo(eventType));
            Assert.That(context.EventName, Is.EqualTo(eventName));
            Assert.That(context.Hub, Is.EqualTo("cap"));
            Assert.That(context.ConnectionId, Is.EqualTo("c0354f7d"));
            Assert.That(context.UserId, Is.EqualTo("u1"));
            Assert.That(context.Signature, Is.EqualTo("sha256=abc"));
            Assert.That(context.Origin, Is.EqualTo("127.0.0.1"));
        }

        private static string Extract(string json, string property)
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.GetProperty(property).GetRawText();
        }
    }
}
