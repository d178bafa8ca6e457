using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    // Operations #2-#5: sends. contentType is one of WebPubSubContentTypes; messageTtlSeconds is 0..300.
    internal partial class WebPubSubServiceClient
    {
        public virtual Task SendToAllAsync(BinaryData content, string contentType, IEnumerable<string>? excluded = null, string? filter = null, int? messageTtlSeconds = null, CancellationToken cancellationToken = default)
        {
            HttpMessage message = CreateSendMessage("/:send", content, contentType);
            AppendQuery(message, "excluded", excluded);
            AppendQuery(message, "filter", filter);
            AppendQuery(message, "messageTtlSeconds", messageTtlSeconds);
            return ExecuteAsync(message, cancellationToken);
        }

        public virtual Task SendToConnectionAsync(string connectionId, BinaryData content, string contentType, int? messageTtlSeconds = null, CancellationToken cancellationToken = default)
        {
            HttpMessage message = CreateSendMessage("/connections/" + Segment(connectionId, nameof(connectionId)) + "/:send", content, contentType);
            AppendQuery(message, "messageTtlSeconds", messageTtlSeconds);
            return ExecuteAsync(message, cancellationToken);
        }

        /// <summary>The service has no <c>excluded</c> parameter for user sends; use <paramref name="filter"/>.</summary>
        public virtual Task SendToUserAsync(string userId, BinaryData content, string contentType, string? filter = null, int? messageTtlSeconds = null, CancellationToken cancellationToken = default)
        {
            HttpMessage message = CreateSendMessage("/users/" + Segment(userId, nameof(userId)) + "/:send", content, contentType);
            AppendQuery(message, "filter", filter);
            AppendQuery(message, "messageTtlSeconds", messageTtlSeconds);
            return ExecuteAsync(message, cancellationToken);
        }

        public virtual Task SendToGroupAsync(string group, BinaryData content, string contentType, IEnumerable<string>? excluded = null, string? filter = null, int? messageTtlSeconds = null, CancellationToken cancellationToken = default)
        {
            HttpMessage message = CreateSendMessage("/groups/" + Segment(group, nameof(group)) + "/:send", content, contentType);
            AppendQuery(message, "excluded", excluded);
            AppendQuery(message, "filter", filter);
            AppendQuery(message, "messageTtlSeconds", messageTtlSeconds);
            return ExecuteAsync(message, cancellationToken);
        }

        private HttpMessage CreateSendMessage(string hubRelativePath, BinaryData content, string contentType)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            Argument.NotNullOrEmpty(contentType, nameof(contentType));
            HttpMessage message = CreateHubMessage(RequestMethod.Post, hubRelativePath);
            message.Request.Headers.SetValue(HttpHeader.Names.ContentType, contentType);
            message.Request.Content = RequestContent.Create(content);
            return message;
        }
    }
}
