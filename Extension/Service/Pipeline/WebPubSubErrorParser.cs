using System;
using System.Collections.Generic;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// The service returns a bare <c>ErrorDetail</c> (<c>{"code":..,"message":..}</c>), not the
    /// <c>{"error":{..}}</c> envelope Azure.Core's default parser expects; the envelope is accepted too.
    /// Falls back to the <c>x-ms-error-code</c> header when the body has no code.
    /// </summary>
    internal sealed class WebPubSubErrorParser : RequestFailedDetailsParser
    {
        public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
        {
            data = null;
            error = null;
            string? code = null;
            string? message = null;

            BinaryData? content = TryGetBufferedContent(response);
            if (content != null && content.ToMemory().Length > 0)
            {
                try
                {
                    using JsonDocument document = JsonDocument.Parse(content.ToMemory());
                    JsonElement root = document.RootElement;
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out JsonElement inner) && inner.ValueKind == JsonValueKind.Object)
                    {
                        root = inner;
                    }

                    if (root.ValueKind == JsonValueKind.Object)
                    {
                        code = GetString(root, "code");
                        message = GetString(root, "message");
                    }
                }
                catch (JsonException)
                {
                    // Not JSON (e.g. an HTML error page from a proxy): fall back to the header and status.
                }
            }

            if (code is null && response.Headers.TryGetValue("x-ms-error-code", out string? headerCode))
            {
                code = headerCode;
            }

            if (code is null && message is null)
            {
                return false;
            }

            error = new ResponseError(code, message ?? response.ReasonPhrase);
            return true;
        }

        private static BinaryData? TryGetBufferedContent(Response response)
        {
            try
            {
                // Content throws when the body was not buffered; then there is nothing to parse safely.
                return response.ContentStream is null ? null : response.Content;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        private static string? GetString(JsonElement element, string name)
            => element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
