using System;
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
#if NET8_0_OR_GREATER
            // One-shot API: no HMAC object (and no key schedule copy) per call.
            HMACSHA256.HashData(_key, data, destination);
#else
            using var hmac = new HMACSHA256(_key);
            byte[] hash = hmac.ComputeHash(data.ToArray());
            hash.CopyTo(destination);
#endif
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
