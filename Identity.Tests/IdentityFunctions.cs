using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests
{
    /// <summary>Functions on the default connection (<c>WebPubSubConnectionString</c>).</summary>
    public sealed class IdentityFunctions
    {
        private readonly Recorder _recorder;

        public IdentityFunctions(Recorder recorder) => _recorder = recorder;

        [NoAutomaticTrigger]
        public void Negotiate([WebPubSubConnection(Hub = StandInServer.Hub, UserId = "{userId}")] WebPubSubConnection connection, string userId)
            => _recorder.Connections.Enqueue(connection);

        [NoAutomaticTrigger]
        public async Task Send([WebPubSub(Hub = StandInServer.Hub)] IAsyncCollector<WebPubSubAction> actions)
        {
            foreach (var action in _recorder.TakeActions())
            {
                await actions.AddAsync(action);
            }
        }

        [FunctionName("identity-connect")]
        public ConnectEventResponse Connect([WebPubSubTrigger(StandInServer.Hub, WebPubSubEventType.System, "connect")] ConnectEventRequest request)
        {
            _recorder.Events.Enqueue("connect:" + request.ConnectionContext.UserId);
            return request.CreateResponse(request.ConnectionContext.UserId, new[] { "room" }, null, null);
        }

        // Echoes each message to the sender's user, through the output binding (so over the identity connection).
        [FunctionName("identity-message")]
        public async Task<UserEventResponse> Message(
            [WebPubSubTrigger(StandInServer.Hub, WebPubSubEventType.User, "message")] UserEventRequest request,
            BinaryData data, WebPubSubDataType dataType,
            [WebPubSub(Hub = StandInServer.Hub)] IAsyncCollector<WebPubSubAction> actions)
        {
            _recorder.Events.Enqueue("message:" + data);
            await actions.AddAsync(WebPubSubAction.CreateSendToGroupAction("room", BinaryData.FromString("echo " + data), dataType));
            return request.CreateResponse("ack");
        }

        [NoAutomaticTrigger]
        public void Context([HttpTrigger("post", "options")] HttpRequest req, [WebPubSubContext] WebPubSubContext context)
            => _recorder.Contexts.Enqueue(context);
    }

    /// <summary>The same negotiate and output on a named connection (<c>Connection = "MyWebPubSub"</c>).</summary>
    public sealed class CustomConnectionFunctions
    {
        public const string Name = "MyWebPubSub";
        private readonly Recorder _recorder;

        public CustomConnectionFunctions(Recorder recorder) => _recorder = recorder;

        [NoAutomaticTrigger]
        public void Negotiate([WebPubSubConnection(Hub = StandInServer.Hub, UserId = "{userId}", Connection = Name)] WebPubSubConnection connection, string userId)
            => _recorder.Connections.Enqueue(connection);

        [NoAutomaticTrigger]
        public async Task Send([WebPubSub(Hub = StandInServer.Hub, Connection = Name)] IAsyncCollector<WebPubSubAction> actions)
        {
            foreach (var action in _recorder.TakeActions())
            {
                await actions.AddAsync(action);
            }
        }
    }
}
