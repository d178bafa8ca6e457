using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Primitives;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline
{
    /// <summary>
    /// The view of an HTTP request the pipeline needs. The webhook gets an <c>HttpRequestMessage</c> and the
    /// context binding an ASP.NET Core <c>HttpRequest</c>; both are adapted to this so every step exists once.
    /// </summary>
    internal abstract class IncomingRequest
    {
        public abstract string Method { get; }

        /// <summary>The media type of the body without parameters, or null.</summary>
        public abstract string? MediaType { get; }

        /// <summary>All values of a header (request or content header); empty when absent. A single value costs no array.</summary>
        public abstract StringValues GetHeader(string name);

        /// <summary>Every header, names case-insensitive; read only when something (a function, a worker) looks at it.</summary>
        public IReadOnlyDictionary<string, string[]> GetAllHeaders() =>
            new LazyDictionary<IncomingRequest, string[]>(this, static request => request.ReadAllHeaders());

        /// <summary>Every header, names case-insensitive, read now.</summary>
        protected internal abstract Dictionary<string, string[]> ReadAllHeaders();

        public abstract ValueTask<BinaryData> ReadBodyAsync(CancellationToken cancellationToken);
    }
}
