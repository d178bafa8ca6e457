using System.Linq;
using System.Net.Http;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Context
{
    /// <summary>
    /// The JSON script languages get for a <see cref="WebPubSubContext"/>:
    /// <c>{"request":…,"response":{"body","status","headers"},"errorMessage","hasError","isPreflight"}</c>.
    /// Unlike upstream, response headers include content headers such as Content-Type.
    /// </summary>
    internal static class ContextJson
    {
        public static JObject ToJObject(WebPubSubContext context)
        {
            var json = new JObject();
            if (context.Request != null)
            {
                json["request"] = ScriptJson.ToJToken(context.Request);
            }
            json["response"] = ToJObject(context.Response);
            json["errorMessage"] = context.ErrorMessage is { } message ? new JValue(message) : JValue.CreateNull();
            json["hasError"] = context.HasError;
            json["isPreflight"] = context.IsPreflight;
            return json;
        }

        private static JObject ToJObject(HttpResponseMessage response)
        {
            var headers = new JObject();
            var allHeaders = response.Content == null ? response.Headers : response.Headers.Concat(response.Content.Headers);
            foreach (var header in allHeaders)
            {
                headers[header.Key] = new JArray(header.Value);
            }
            return new JObject
            {
                // The pipeline's responses always hold in-memory content, so this read completes synchronously.
                ["body"] = response.Content is { } content ? new JValue(content.ReadAsStringAsync().GetAwaiter().GetResult()) : JValue.CreateNull(),
                ["status"] = (int)response.StatusCode,
                ["headers"] = headers,
            };
        }
    }
}
