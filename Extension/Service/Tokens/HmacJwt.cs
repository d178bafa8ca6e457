using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// Builds HS256 JWTs. On the negotiate hot path, so the only allocations are the payload writer and the
    /// final string: the signing input and signature live in pooled/stack buffers.
    /// </summary>
    internal static class HmacJwt
    {
        // base64url({"alg":"HS256","typ":"JWT"}), constant.
        private static readonly byte[] EncodedHeader = Encoding.ASCII.GetBytes("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");

        // A JWT is never embedded in HTML, so HTML-sensitive characters (& + < ...) in URLs and ids stay literal.
        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static readonly JsonEncodedText Aud = JsonEncodedText.Encode("aud");
        private static readonly JsonEncodedText Iat = JsonEncodedText.Encode("iat");
        private static readonly JsonEncodedText Nbf = JsonEncodedText.Encode("nbf");
        private static readonly JsonEncodedText Exp = JsonEncodedText.Encode("exp");
        private static readonly JsonEncodedText Sub = JsonEncodedText.Encode("sub");
        private static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
        private static readonly JsonEncodedText Group = JsonEncodedText.Encode("webpubsub.group");

        /// <summary>Returns <paramref name="prefix"/> + token, so callers building a header avoid a second string.</summary>
        public static string Create(AccessKey key, in JwtClaims claims, string? prefix = null)
        {
            using var payload = new PooledBufferWriter();
            WritePayload(payload, claims);

            int prefixLength = prefix?.Length ?? 0;
            int payloadLength = payload.WrittenSpan.Length;
            int capacity = prefixLength + EncodedHeader.Length + 1 + Base64Url.GetMaxEncodeBuffer(payloadLength) + 1
                + Base64Url.GetMaxEncodeBuffer(AccessKey.HmacSize);
            byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);
            try
            {
                int position = prefixLength;
                if (prefix != null)
                {
                    Encoding.ASCII.GetBytes(prefix, 0, prefix.Length, buffer, 0);
                }

                EncodedHeader.CopyTo(buffer, position);
                position += EncodedHeader.Length;
                buffer[position++] = (byte)'.';
                position += Base64Url.Encode(payload.WrittenSpan, buffer.AsSpan(position));

                // The signature covers "header.payload" (without the prefix).
                Span<byte> signature = stackalloc byte[AccessKey.HmacSize];
                key.ComputeHmac(buffer.AsSpan(prefixLength, position - prefixLength), signature);
                buffer[position++] = (byte)'.';
                position += Base64Url.Encode(signature, buffer.AsSpan(position));

                return Encoding.ASCII.GetString(buffer, 0, position);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private static void WritePayload(IBufferWriter<byte> output, in JwtClaims claims)
        {
            long issuedAt = claims.IssuedAt.ToUnixTimeSeconds();
            using var writer = new Utf8JsonWriter(output, WriterOptions);
            writer.WriteStartObject();
            writer.WriteString(Aud, claims.Audience);
            writer.WriteNumber(Iat, issuedAt);
            writer.WriteNumber(Nbf, issuedAt);
            writer.WriteNumber(Exp, (claims.IssuedAt + claims.Lifetime).ToUnixTimeSeconds());
            if (claims.Subject != null)
            {
                writer.WriteString(Sub, claims.Subject);
            }

            WriteArray(writer, Role, claims.Roles);
            WriteArray(writer, Group, claims.Groups);
            writer.WriteEndObject();
        }

        // Omits the claim entirely when there are no values (the service treats an empty array like no claim anyway).
        private static void WriteArray(Utf8JsonWriter writer, JsonEncodedText name, IEnumerable<string>? values)
        {
            if (values is null)
            {
                return;
            }

            bool started = false;
            foreach (string value in values)
            {
                if (!started)
                {
                    writer.WriteStartArray(name);
                    started = true;
                }

                writer.WriteStringValue(value);
            }

            if (started)
            {
                writer.WriteEndArray();
            }
        }
    }
}
