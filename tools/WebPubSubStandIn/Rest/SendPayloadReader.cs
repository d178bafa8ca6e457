using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using WebPubSubStandIn.Clients;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Rest
{
    /// <summary>A send's body: text/plain, application/json (must parse) or application/octet-stream; at most 1 MB.</summary>
    public static class SendPayloadReader
    {
        public static async Task<(MessagePayload?, IResult?)> ReadAsync(HttpRequest request)
        {
            var kind = MessagePayload.KindOfMediaType(request.ContentType);
            if (kind == null)
            {
                return (null, RestErrors.UnsupportedMediaType(
                    $"Content-Type '{request.ContentType}' is not supported: use text/plain, application/json or application/octet-stream."));
            }

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            if (buffer.Length > SocketPump.MaxMessageBytes)
            {
                return (null, RestErrors.TooLarge("A message may have at most 1 MB."));
            }
            var data = buffer.ToArray();
            if (kind == PayloadKind.Json)
            {
                try
                {
                    using var _ = JsonDocument.Parse(data);
                }
                catch (JsonException ex)
                {
                    return (null, RestErrors.BadRequest("The body is not valid JSON: " + ex.Message));
                }
            }
            return (new MessagePayload(kind.Value, data), null);
        }
    }
}
