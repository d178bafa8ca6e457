using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker.Serialization
{
    /// <summary>
    /// The package's own System.Text.Json options: inputs are read with them whatever serializer the app configured
    /// in <c>WorkerOptions.Serializer</c>. Immutable; never registered anywhere global.
    /// </summary>
    internal static class WorkerJson
    {
        public static JsonSerializerOptions Options { get; } = Create();

        private static JsonSerializerOptions Create()
        {
            var options = new JsonSerializerOptions
            {
                PropertyNameCaseInsensitive = true,
                Converters = { new JsonStringEnumConverter() },
            };
            options.MakeReadOnly(populateMissingResolver: true);
            return options;
        }
    }
}
