using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// The HMAC key of a Web PubSub resource. The service uses the UTF-8 bytes of the key text exactly as written
    /// (it is not base64-decoded). The bytes never leave this type; callers only get HMACs.
    /// </summary>
    internal sealed partial class AccessKey
    {
        /// <summary>Length in bytes of an HMAC-SHA256 output.</summary>
        public const int HmacSize = 32;

        private readonly byte[] _key;

        // Keyed HMAC contexts, reused: creating one (a native context and the key's pad blocks, on OpenSSL) costs
        // several times the hash of a connection id, and every webhook request checks one. At most one per caller
        // running at the same time; not thread-safe on their own, so each is taken out while in use.
        private readonly ConcurrentBag<IncrementalHash> _hmacs = new();

        public AccessKey(string value)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentNullException(nameof(value));
            }

            _key = Encoding.UTF8.GetBytes(value);
        }

        /// <summary>Writes HMAC-SHA256(key, <paramref name="data"/>) into <paramref name="destination"/> (≥ 32 bytes).</summary>
        public void ComputeHmac(ReadOnlySpan<byte> data, Span<byte> destination)
        {
            if (destination.Length < HmacSize)
            {
                throw new ArgumentException("The destination must hold at least 32 bytes.", nameof(destination));
            }
            IncrementalHash hmac = _hmacs.TryTake(out IncrementalHash? pooled) ? pooled : IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
#if NET8_0_OR_GREATER
            hmac.AppendData(data);
            hmac.TryGetHashAndReset(destination, out _);
#else
            hmac.AppendData(data.ToArray());
            hmac.GetHashAndReset().CopyTo(destination);
#endif
            // Only a context that finished cleanly goes back: GetHashAndReset leaves it keyed and empty.
            _hmacs.Add(hmac);
        }

        /// <summary>Convenience overload returning a new 32-byte array.</summary>
        public byte[] ComputeHmac(ReadOnlySpan<byte> data)
        {
            var result = new byte[HmacSize];
            ComputeHmac(data, result);
            return result;
        }

        // Never reveal the key, even partially: ToString ends up in logs and exception messages.
        public override string ToString() => "AccessKey(***)";
    }
}
