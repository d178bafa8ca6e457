using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core.Serialization;
using Newtonsoft.Json;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Serialization
{
    /// <summary>
    /// A Newtonsoft-based <c>WorkerOptions.Serializer</c> as apps write one (Azure.Core's is not available here):
    /// default settings, so nothing of ours reaches it but the models' own attributes.
    /// </summary>
    internal sealed class NewtonsoftObjectSerializer : ObjectSerializer
    {
        private readonly JsonSerializer _serializer = JsonSerializer.CreateDefault();

        public override object? Deserialize(Stream stream, Type returnType, CancellationToken cancellationToken)
        {
            using var reader = new JsonTextReader(new StreamReader(stream, Encoding.UTF8, false, 1024, leaveOpen: true));
            return _serializer.Deserialize(reader, returnType);
        }

        public override ValueTask<object?> DeserializeAsync(Stream stream, Type returnType, CancellationToken cancellationToken) =>
            new(Deserialize(stream, returnType, cancellationToken));

        public override void Serialize(Stream stream, object? value, Type inputType, CancellationToken cancellationToken)
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true);
            _serializer.Serialize(writer, value, inputType);
        }

        public override ValueTask SerializeAsync(Stream stream, object? value, Type inputType, CancellationToken cancellationToken)
        {
            Serialize(stream, value, inputType, cancellationToken);
            return default;
        }
    }
}
