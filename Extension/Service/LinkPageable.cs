using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// An <see cref="AsyncPageable{T}"/> whose continuation token is the service's <c>nextLink</c>; pages are
    /// fetched lazily, one request per page.
    /// </summary>
    internal sealed class LinkPageable<T> : AsyncPageable<T>
        where T : notnull
    {
        private readonly Func<string?, int?, CancellationToken, Task<Page<T>>> _getPage;

        public LinkPageable(Func<string?, int?, CancellationToken, Task<Page<T>>> getPage, CancellationToken cancellationToken)
            : base(cancellationToken)
        {
            _getPage = getPage;
        }

        public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
            => Enumerate(continuationToken, pageSizeHint, CancellationToken);

        private async IAsyncEnumerable<Page<T>> Enumerate(string? nextLink, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            do
            {
                Page<T> page = await _getPage(nextLink, pageSizeHint, cancellationToken).ConfigureAwait(false);
                yield return page;
                nextLink = page.ContinuationToken;
            }
            while (nextLink != null);
        }
    }
}
