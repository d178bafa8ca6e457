using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

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

        /// <summary>All values of a header (request or content header); empty when absent.</summary>
        public abstract IReadOnlyList<string> GetHeader(string name);

        /// <summary>Every header, names case-insensitive; built only when a function asks for it.</summary>
        public abstract IReadOnlyDictionary<string, string[]> GetAllHeaders();

        public abstract Task<BinaryData> ReadBodyAsync(CancellationToken cancellationToken);

        /// <summary>The first value of a header, or null.</summary>
        public string? GetFirst(string name)
        {
            var values = GetHeader(name);
            return values.Count > 0 ? values[0] : null;
        }
    }
}
