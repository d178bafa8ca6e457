using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Output
{
    /// <summary>
    /// The output binding: each added action is one REST call, made right away and awaited, so actions run in
    /// the order they were added and a failure surfaces at the <c>AddAsync</c> that caused it (or fails the
    /// invocation for return values and script outputs) with the service's error code and message.
    /// </summary>
    internal sealed class WebPubSubAsyncCollector : IAsyncCollector<WebPubSubAction>
    {
        private readonly WebPubSubServiceClient _client;

        public WebPubSubAsyncCollector(WebPubSubServiceClient client)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        public Task AddAsync(WebPubSubAction item, CancellationToken cancellationToken = default)
        {
            if (item == null)
            {
                throw new ArgumentNullException(nameof(item));
            }
            return ActionExecutor.ExecuteAsync(_client, item, cancellationToken);
        }

        public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
