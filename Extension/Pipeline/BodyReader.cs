using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// Reads a request body into one array: exactly <c>Content-Length</c> bytes (plus one) when the length is known
    /// (the service always sends it), so a 64 KB message costs one 64 KB copy, not a buffer plus its copy.
    /// </summary>
    /// <remarks>Value tasks all the way: a body that is already buffered, as the host's is, is read with no task allocated.</remarks>
    internal static class BodyReader
    {
        public static async ValueTask<BinaryData> ReadAsync(Stream body, long? contentLength, CancellationToken cancellationToken)
        {
            if (contentLength is long length && length < int.MaxValue)
            {
                if (length == 0)
                {
                    return BinaryData.Empty;
                }
                // The spare byte tells a body longer than announced from an exact one without a second read buffer.
                var bytes = new byte[length + 1];
                int read = await FillAsync(body, bytes, cancellationToken).ConfigureAwait(false);
                if (read > length)
                {
                    throw WebPubSubRequestException.BadRequest("The request body is longer than its Content-Length.");
                }
                // Fewer bytes than announced: keep what came, as the unknown-length path would.
                return BinaryData.FromBytes(new ReadOnlyMemory<byte>(bytes, 0, read));
            }

            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
            return BinaryData.FromBytes(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        private static async ValueTask<int> FillAsync(Stream body, byte[] bytes, CancellationToken cancellationToken)
        {
            int total = 0;
            while (total < bytes.Length)
            {
#if NETSTANDARD2_0
                int read = await body.ReadAsync(bytes, total, bytes.Length - total, cancellationToken).ConfigureAwait(false);
#else
                int read = await body.ReadAsync(bytes.AsMemory(total), cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    break;
                }
                total += read;
            }
            return total;
        }
    }
}
