using System;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker.Converters;

namespace Microsoft.Azure.Functions.Worker.Serialization
{
    /// <summary>
    /// Binds the host's JSON to the package's types with the package's own options, so trigger, negotiate and context
    /// parameters bind whatever <c>WorkerOptions.Serializer</c> the app configured. Other targets fall through to the
    /// worker's converters.
    /// </summary>
    internal sealed class WebPubSubInputConverter : IInputConverter
    {
        public ValueTask<ConversionResult> ConvertAsync(ConverterContext context)
        {
            if (!IsOurs(context.TargetType) || !TryGetJson(context.Source, out var json))
            {
                return new ValueTask<ConversionResult>(ConversionResult.Unhandled());
            }
            try
            {
                return new ValueTask<ConversionResult>(ConversionResult.Success(Convert(json, context.TargetType)));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
            {
                return new ValueTask<ConversionResult>(ConversionResult.Failed(e));
            }
        }

        internal static object? Convert(string json, Type targetType)
        {
            using var document = JsonDocument.Parse(json);
            return typeof(WebPubSubEventRequest).IsAssignableFrom(targetType)
                ? RequestJson.Read(document.RootElement, targetType)
                : document.RootElement.Deserialize(targetType, WorkerJson.Options);
        }

        private static bool IsOurs(Type type) =>
            typeof(WebPubSubEventRequest).IsAssignableFrom(type) || type == typeof(WebPubSubConnectionContext)
            || type == typeof(WebPubSubConnection) || type == typeof(WebPubSubContext);

        private static bool TryGetJson(object? source, out string json)
        {
            json = source switch
            {
                string text => text,
                ReadOnlyMemory<byte> bytes => Encoding.UTF8.GetString(bytes.ToArray()),
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                _ => null!,
            };
            return json != null;
        }
    }
}
