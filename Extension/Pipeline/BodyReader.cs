using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// Reads a request body into one array: exactly <c>Content-Length</c> bytes when the length is known (the
    /// service always sends it), so a 64 KB message costs one 64 KB copy, not a buffer plus its copy.
    /// </summary>
    internal static class BodyReader
    {
        public static async Task<BinaryData> ReadAsync(Stream body, long? contentLength, CancellationToken cancellationToken)
        {
            if (contentLength is long length && length <= int.MaxValue)
            {
                if (length == 0)
                {
                    return BinaryData.Empty;
                }
                var bytes = new byte[length];
                int read = await FillAsync(body, bytes, cancellationToken).ConfigureAwait(false);
                if (read < bytes.Length)
                {
                    // Fewer bytes than announced: keep what came, as the unknown-length path would.
                    return BinaryData.FromBytes(new ReadOnlyMemory<byte>(bytes, 0, read));
                }
                if (!await IsAtEndAsync(body, cancellationToken).ConfigureAwait(false))
                {
                    throw WebPubSubRequestException.BadRequest("The request body is longer than its Content-Length.");
                }
                return BinaryData.FromBytes(bytes);
            }

            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
            return BinaryData.FromBytes(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        private static async Task<int> FillAsync(Stream body, byte[] bytes, CancellationToken cancellationToken)
        {
            int total = 0;
            while (total < bytes.Length)
            {
                int read = await body.ReadAsync(bytes, total, bytes.Length - total, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                total += read;
            }
            return total;
        }

        private static async Task<bool> IsAtEndAsync(Stream body, CancellationToken cancellationToken)
        {
            var probe = new byte[1];
            return await body.ReadAsync(probe, 0, 1, cancellationToken).ConfigureAwait(false) == 0;
        }
    }
}
