using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace FunctionsHost
{
    /// <summary>
    /// Writes what an HTTP-triggered function returned, as the in-process Functions host does:
    /// an <see cref="IActionResult"/> is executed; an <see cref="HttpResponseMessage"/> is copied; nothing (void,
    /// <c>Task</c>, null) is 204; any other object goes through MVC's <see cref="ObjectResult"/> with the Newtonsoft
    /// formatters (strings as text/plain, objects as JSON honouring Newtonsoft attributes, e.g.
    /// <c>WebPubSubConnection</c> → <c>baseUrl</c>, <c>url</c>, <c>accessToken</c>).
    /// </summary>
    public static class HttpResults
    {
        public static async Task WriteAsync(HttpContext context, object? result)
        {
            switch (result)
            {
                case null:
                    if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status200OK)
                    {
                        context.Response.StatusCode = StatusCodes.Status204NoContent;
                    }
                    return;
                case HttpResponseMessage message:
                    using (message)
                    {
                        await HttpMessages.WriteResponseAsync(message, context.Response, context.RequestAborted).ConfigureAwait(false);
                    }
                    return;
                case IActionResult action:
                    await action.ExecuteResultAsync(ActionContextFor(context)).ConfigureAwait(false);
                    return;
                default:
                    await new ObjectResult(result).ExecuteResultAsync(ActionContextFor(context)).ConfigureAwait(false);
                    return;
            }
        }

        private static ActionContext ActionContextFor(HttpContext context) =>
            new(context, context.GetRouteData(), new ActionDescriptor());
    }
}
