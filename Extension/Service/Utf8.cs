using System;
using System.Text;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>Span-based UTF-8 encoding; netstandard2.0 lacks the span overloads, so it copies (allocation accepted there).</summary>
    internal static class Utf8
    {
        public static int GetBytes(string value, Span<byte> destination)
        {
#if NET8_0_OR_GREATER
            return Encoding.UTF8.GetBytes(value, destination);
#else
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            bytes.CopyTo(destination);
            return bytes.Length;
#endif
        }
    }
}
