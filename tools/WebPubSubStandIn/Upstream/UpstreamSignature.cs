using System;
using System.Security.Cryptography;
using System.Text;

namespace WebPubSubStandIn.Upstream
{
    /// <summary><c>ce-signature</c>: <c>sha256=</c> + lower-case hex of HMAC-SHA256(UTF-8 AccessKey, UTF-8 connectionId).</summary>
    public static class UpstreamSignature
    {
        public static string Compute(byte[] key, string connectionId)
            => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(connectionId)));
    }
}
