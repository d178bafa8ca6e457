using System;
using System.Threading.Tasks;
using Microsoft.Azure.WebPubSub.Common;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Benchmarks.Host
{
    /// <summary>No-op functions: whatever a benchmark measures is the host's and the extension's work.</summary>
    public static class BenchmarkFunctions
    {
        public const string Hub = "bench";

        /// <summary>The floor: a bare invocation with a 1 KB argument.</summary>
        [NoAutomaticTrigger]
        public static void Bare(string payload)
        {
        }

        public static void Message([WebPubSubTrigger(Hub, WebPubSubEventType.User, "message")] UserEventRequest request)
        {
        }

        public static void Connect([WebPubSubTrigger(Hub, WebPubSubEventType.System, "connect")] ConnectEventRequest request)
        {
        }

        [NoAutomaticTrigger]
        public static void Negotiate([WebPubSubConnection(Hub = Hub, UserId = "user-1")] WebPubSubConnection connection)
        {
        }

        /// <summary>Negotiate with a binding expression, bound from the call's arguments on every invocation.</summary>
        [NoAutomaticTrigger]
        public static void NegotiateTemplated([WebPubSubConnection(Hub = Hub, UserId = "{userId}")] WebPubSubConnection connection, string userId)
        {
        }

        [NoAutomaticTrigger]
        public static Task SendToAll(string payload, [WebPubSub(Hub = Hub)] IAsyncCollector<WebPubSubAction> actions) =>
            actions.AddAsync(WebPubSubAction.CreateSendToAllAction(BinaryData.FromString(payload), WebPubSubDataType.Text));

        [NoAutomaticTrigger]
        public static async Task SendToAllTenTimes(string payload, [WebPubSub(Hub = Hub)] IAsyncCollector<WebPubSubAction> actions)
        {
            var data = BinaryData.FromString(payload);
            for (int i = 0; i < 10; i++)
            {
                await actions.AddAsync(WebPubSubAction.CreateSendToAllAction(data, WebPubSubDataType.Text)).ConfigureAwait(false);
            }
        }
    }
}
