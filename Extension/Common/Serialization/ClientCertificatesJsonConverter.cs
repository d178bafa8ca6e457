using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>
    /// The connect body's <c>clientCertificates</c>, read as the serializer reads a list of
    /// <see cref="ClientCertificateContent"/> (names case-insensitive, unknown members skipped, a repeated member: the
    /// last wins, null elements kept for the guard), into an exactly sized array. Every connect carries the list,
    /// mostly empty, and the serializer's own list-of-objects reading costs a nested read state of about 0.5 KB.
    /// </summary>
    internal sealed class ClientCertificatesJsonConverter : JsonConverter<IReadOnlyList<ClientCertificateContent>>
    {
        public override IReadOnlyList<ClientCertificateContent> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException();
            }
            var certificates = new ClientCertificateContent[JsonChildren.Count(reader)];
            for (int i = 0; i < certificates.Length; i++)
            {
                reader.Read();
                certificates[i] = reader.TokenType switch
                {
                    JsonTokenType.StartObject => ReadCertificate(ref reader),
                    JsonTokenType.Null => null!,
                    _ => throw new JsonException(),
                };
            }
            reader.Read(); // EndArray
            return certificates.Length == 0 ? Array.Empty<ClientCertificateContent>() : certificates;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<ClientCertificateContent> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var certificate in value)
            {
                if (certificate == null)
                {
                    writer.WriteNullValue();
                    continue;
                }
                writer.WriteStartObject();
                writer.WriteString("thumbprint", certificate.Thumbprint);
                writer.WriteString("content", certificate.Content);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }

        private static ClientCertificateContent ReadCertificate(ref Utf8JsonReader reader)
        {
            var certificate = new ClientCertificateContent();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (string.Equals(name, "thumbprint", StringComparison.OrdinalIgnoreCase))
                {
                    certificate.Thumbprint = ReadString(ref reader);
                }
                else if (string.Equals(name, "content", StringComparison.OrdinalIgnoreCase))
                {
                    certificate.Content = ReadString(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            return certificate;
        }

        private static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw new JsonException(),
        };
    }
}
