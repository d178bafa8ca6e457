using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker.Serialization
{
    /// <summary>
    /// <c>{"request":..,"response":..,"errorMessage":..,"hasError":..,"isPreflight":..}</c>. Every member is optional
    /// on read, and the request's type follows its connection context.
    /// </summary>
    internal sealed class WebPubSubContextJsonConverter : JsonConverter<WebPubSubContext>
    {
        public override WebPubSubContext Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var json = document.RootElement;
            var context = new WebPubSubContext();
            if (RequestJson.TryGet(json, "request", out var request) && request.ValueKind == JsonValueKind.Object)
            {
                context.Request = RequestJson.Read(request, typeof(WebPubSubEventRequest));
            }
            if (RequestJson.TryGet(json, "response", out var response) && response.ValueKind == JsonValueKind.Object)
            {
                context.Response = response.Deserialize<WebPubSubSimpleResponse>(WorkerJson.Options)!;
            }
            context.ErrorMessage = RequestJson.TryGet(json, "errorMessage", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null;
            context.HasError = RequestJson.TryGet(json, "hasError", out var hasError) && hasError.ValueKind == JsonValueKind.True;
            context.IsPreflight = RequestJson.TryGet(json, "isPreflight", out var preflight) && preflight.ValueKind == JsonValueKind.True;
            return context;
        }

        public override void Write(Utf8JsonWriter writer, WebPubSubContext value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("request");
            JsonSerializer.Serialize(writer, value.Request, value.Request?.GetType() ?? typeof(object), WorkerJson.Options);
            writer.WritePropertyName("response");
            JsonSerializer.Serialize(writer, value.Response, WorkerJson.Options);
            writer.WriteString("errorMessage", value.ErrorMessage);
            writer.WriteBoolean("hasError", value.HasError);
            writer.WriteBoolean("isPreflight", value.IsPreflight);
            writer.WriteEndObject();
        }
    }
}
