using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub;
using Microsoft.Azure.WebPubSub.Common;

namespace LoopbackApp
{
    /// <summary>Two no-op functions, so the host's CPU per request is what the host and each trigger cost.</summary>
    public static class LoopbackFunctions
    {
        [FunctionName("message")]
        public static void Message([WebPubSubTrigger("bench", WebPubSubEventType.User, "message")] UserEventRequest request)
        {
        }

        [FunctionName("ping")]
        public static IActionResult Ping([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest request) => new OkResult();
    }
}
