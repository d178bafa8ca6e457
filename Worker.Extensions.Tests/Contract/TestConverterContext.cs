using System;
using System.Collections.Generic;
using Microsoft.Azure.Functions.Worker.Converters;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Contract
{
    /// <summary>The worker's conversion request for one parameter, as the worker builds it from the host's data.</summary>
    internal sealed class TestConverterContext : ConverterContext
    {
        public TestConverterContext(Type targetType, object? source)
        {
            TargetType = targetType;
            Source = source;
        }

        public override Type TargetType { get; }

        public override object? Source { get; }

        public override FunctionContext FunctionContext => null!;

        public override IReadOnlyDictionary<string, object> Properties { get; } = new Dictionary<string, object>();
    }
}
