using System;
using System.Buffers;
using System.Text;
#if NET8_0_OR_GREATER
using System.Security.Cryptography;
#endif

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    internal sealed partial class AccessKey
    {
        /// <summary>Connections whose verified signature is kept; past this many the cache starts over.</summary>
        internal const int MaxVerifiedConnections = 4096;

        private const string SignaturePrefix = "sha256=";
        private const int MaxStackConnectionIdBytes = 256;

        // ce-signature values already verified, by connection id. The service signs every event of a connection
        // with the same value, so a connection's later messages compare strings instead of computing an HMAC
        // (the biggest single cost of a webhook event). Only matches are kept: a different value is checked anew.
        private readonly BoundedCache<string> _verified = new(MaxVerifiedConnections);

        /// <summary>
        /// True when one of the <c>sha256=&lt;hex&gt;</c> entries in a <c>ce-signature</c> header equals
        /// hex(HMAC-SHA256(key, UTF-8(connectionId))). The service sends one entry per resource key
        /// (primary, secondary), separated by commas and optional spaces; hex may be any case.
        /// Every entry is compared in constant time so timing does not leak how many bytes matched.
        /// </summary>
        public bool SignatureMatches(string? connectionId, string? signatureHeaderValue)
        {
            if (connectionId is null || string.IsNullOrEmpty(signatureHeaderValue))
            {
                return false;
            }
            if (_verified.Get(connectionId) is { } verified && FixedTimeEquals(verified, signatureHeaderValue!))
            {
                return true;
            }
            if (!ComputeAndCompare(connectionId, signatureHeaderValue!))
            {
                return false;
            }
            _verified.Set(connectionId, signatureHeaderValue!);
            return true;
        }

        internal int VerifiedConnectionCount => _verified.Count;

        private bool ComputeAndCompare(string connectionId, string signatureHeaderValue)
        {
            Span<byte> expected = stackalloc byte[HmacSize];
            ComputeConnectionIdHmac(connectionId, expected);

            Span<byte> candidate = stackalloc byte[HmacSize];
            bool matched = false;
            ReadOnlySpan<char> rest = signatureHeaderValue.AsSpan();
            while (!rest.IsEmpty)
            {
                int comma = rest.IndexOf(',');
                ReadOnlySpan<char> entry = (comma < 0 ? rest : rest.Slice(0, comma)).Trim();
                rest = comma < 0 ? ReadOnlySpan<char>.Empty : rest.Slice(comma + 1);

                if (entry.StartsWith(SignaturePrefix.AsSpan(), StringComparison.OrdinalIgnoreCase)
                    && TryDecodeHex(entry.Slice(SignaturePrefix.Length), candidate))
                {
                    // No short-circuit: keep the work independent of which entry matched.
                    matched |= FixedTimeEquals(expected, candidate);
                }
            }

            return matched;
        }

        private void ComputeConnectionIdHmac(string connectionId, Span<byte> destination)
        {
            int max = Encoding.UTF8.GetMaxByteCount(connectionId.Length);
            byte[]? rented = null;
            Span<byte> buffer = max <= MaxStackConnectionIdBytes
                ? stackalloc byte[MaxStackConnectionIdBytes]
                : (rented = ArrayPool<byte>.Shared.Rent(max));
            try
            {
                int written = Utf8.GetBytes(connectionId, buffer);
                ComputeHmac(buffer.Slice(0, written), destination);
            }
            finally
            {
                if (rented != null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }

        private static bool TryDecodeHex(ReadOnlySpan<char> hex, Span<byte> destination)
        {
            if (hex.Length != destination.Length * 2)
            {
                return false;
            }

            for (int i = 0; i < destination.Length; i++)
            {
                int high = HexValue(hex[2 * i]);
                int low = HexValue(hex[(2 * i) + 1]);
                if ((high | low) < 0)
                {
                    return false;
                }

                destination[i] = (byte)((high << 4) | low);
            }

            return true;
        }

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        /// <summary>Equal strings, in time that depends on the length only (a length is no secret: it is the entries' count).</summary>
        private static bool FixedTimeEquals(string left, string right)
        {
            if (left.Length != right.Length)
            {
                return false;
            }
            int difference = 0;
            for (int i = 0; i < left.Length; i++)
            {
                difference |= left[i] ^ right[i];
            }
            return difference == 0;
        }

        private static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
        {
#if NET8_0_OR_GREATER
            return CryptographicOperations.FixedTimeEquals(left, right);
#else
            if (left.Length != right.Length)
            {
                return false;
            }

            // Accumulate differences over every byte; no early exit.
            int difference = 0;
            for (int i = 0; i < left.Length; i++)
            {
                difference |= left[i] ^ right[i];
            }

            return difference == 0;
#endif
        }
    }
}
