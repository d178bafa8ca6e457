using System;
using System.Buffers;
using System.Buffers.Text;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>Unpadded base64url into a byte span (JWT segments); System.Buffers.Text exists on every target.</summary>
    internal static class Base64Url
    {
        public static int GetEncodedLength(int byteCount) => ((byteCount * 4) + 2) / 3;

        /// <summary>Encodes <paramref name="source"/> as ASCII into <paramref name="destination"/>; returns the length.</summary>
        public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
        {
            OperationStatus status = Base64.EncodeToUtf8(source, destination, out _, out int written);
            if (status != OperationStatus.Done)
            {
                throw new InvalidOperationException("Base64 destination too small.");
            }

            // Switch to the URL-safe alphabet and drop padding.
            while (written > 0 && destination[written - 1] == (byte)'=')
            {
                written--;
            }

            Span<byte> encoded = destination.Slice(0, written);
            for (int i = 0; i < encoded.Length; i++)
            {
                if (encoded[i] == (byte)'+')
                {
                    encoded[i] = (byte)'-';
                }
                else if (encoded[i] == (byte)'/')
                {
                    encoded[i] = (byte)'_';
                }
            }

            return written;
        }

        /// <summary>Room <see cref="Encode"/> needs, including the padding it later drops.</summary>
        public static int GetMaxEncodeBuffer(int byteCount) => ((byteCount + 2) / 3) * 4;
    }
}
