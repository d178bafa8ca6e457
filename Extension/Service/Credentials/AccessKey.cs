using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

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
        // several times the hash of a connection id, and every webhook request checks one. Not thread-safe on their
        // own, so each is taken out of its slot while in use; slots are swapped lock-free (a ConcurrentBag's
        // cross-thread steals took a lock on every event, since continuations hop threads).
        private readonly IncrementalHash?[] _hmacs = new IncrementalHash?[Math.Min(Math.Max(Environment.ProcessorCount, 2), 16)];

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
            IncrementalHash hmac = RentHmac();
#if NET8_0_OR_GREATER
            hmac.AppendData(data);
            hmac.TryGetHashAndReset(destination, out _);
#else
            hmac.AppendData(data.ToArray());
            hmac.GetHashAndReset().CopyTo(destination);
#endif
            // Only a context that finished cleanly goes back: GetHashAndReset leaves it keyed and empty.
            ReturnHmac(hmac);
        }

        private IncrementalHash RentHmac()
        {
            for (int i = 0; i < _hmacs.Length; i++)
            {
                if (Interlocked.Exchange(ref _hmacs[i], null) is { } hmac)
                {
                    return hmac;
                }
            }
            return IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        }

        private void ReturnHmac(IncrementalHash hmac)
        {
            for (int i = 0; i < _hmacs.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _hmacs[i], hmac, null) == null)
                {
                    return;
                }
            }
            hmac.Dispose(); // more callers at once than slots: this one is not kept
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
