using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    // Operations #9-#13, #23, #24: groups.
    internal partial class WebPubSubServiceClient
    {
        public virtual Task<bool> GroupExistsAsync(string group, CancellationToken cancellationToken = default)
            => ExistsAsync(CreateHubMessage(RequestMethod.Head, GroupPath(group)), cancellationToken);

        public virtual Task CloseGroupConnectionsAsync(string group, IEnumerable<string>? excluded = null, string? reason = null, CancellationToken cancellationToken = default)
        {
            HttpMessage message = CreateHubMessage(RequestMethod.Post, GroupPath(group) + "/:closeConnections");
            AppendQuery(message, "excluded", excluded);
            AppendQuery(message, "reason", reason);
            return ExecuteAsync(message, cancellationToken);
        }

        public virtual Task AddConnectionToGroupAsync(string group, string connectionId, CancellationToken cancellationToken = default)
            => ExecuteAsync(CreateHubMessage(RequestMethod.Put, GroupConnectionPath(group, connectionId)), cancellationToken);

        public virtual Task RemoveConnectionFromGroupAsync(string group, string connectionId, CancellationToken cancellationToken = default)
            => ExecuteAsync(CreateHubMessage(RequestMethod.Delete, GroupConnectionPath(group, connectionId)), cancellationToken);

        /// <summary><c>:addToGroups</c>: adds every connection matching the OData <paramref name="filter"/> (all when null).</summary>
        public virtual Task AddConnectionsToGroupsAsync(IEnumerable<string> groups, string? filter = null, CancellationToken cancellationToken = default)
            => ExecuteAsync(CreateGroupsFilterMessage("/:addToGroups", groups, filter), cancellationToken);

        /// <summary><c>:removeFromGroups</c>: removes every connection matching <paramref name="filter"/> (all when null).</summary>
        public virtual Task RemoveConnectionsFromGroupsAsync(IEnumerable<string> groups, string? filter = null, CancellationToken cancellationToken = default)
            => ExecuteAsync(CreateGroupsFilterMessage("/:removeFromGroups", groups, filter), cancellationToken);

        /// <summary>
        /// Pages through <c>GET .../groups/{group}/connections</c>. <paramref name="maxPageSize"/> (1-200) falls back to
        /// the page-size hint of <c>AsPages</c>; <paramref name="top"/> caps the total. Pages follow <c>nextLink</c>.
        /// </summary>
        public virtual AsyncPageable<WebPubSubGroupMember> ListConnectionsInGroupAsync(string group, int? maxPageSize = null, int? top = null, CancellationToken cancellationToken = default)
        {
            string path = GroupPath(group) + "/connections";
            return new LinkPageable<WebPubSubGroupMember>(
                (nextLink, pageSizeHint, ct) => GetGroupMembersPageAsync(path, nextLink, maxPageSize ?? pageSizeHint, top, ct),
                cancellationToken);
        }

        private async Task<Page<WebPubSubGroupMember>> GetGroupMembersPageAsync(string path, string? nextLink, int? maxPageSize, int? top, CancellationToken cancellationToken)
        {
            HttpMessage message;
            if (nextLink is null)
            {
                message = CreateHubMessage(RequestMethod.Get, path);
                AppendQuery(message, "maxpagesize", maxPageSize);
                AppendQuery(message, "top", top);
            }
            else
            {
                message = _pipeline.CreateMessage();
                message.Request.Method = RequestMethod.Get;
                message.Request.Uri.Reset(CheckNextLink(nextLink));
            }

            message.Request.Headers.SetValue(HttpHeader.Names.Accept, WebPubSubContentTypes.Json);
            try
            {
                await SendCheckedAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                message.Dispose();
                throw;
            }

            // Not disposed on success: the page keeps the (fully buffered) response for GetRawResponse().
            return ParseMembersPage(message.Response);
        }

        /// <summary>
        /// nextLink is followed verbatim, but only on this endpoint's scheme/host/port: the request carries our
        /// credential, and a bearer token must not be sent to a host a response body named.
        /// </summary>
        private Uri CheckNextLink(string nextLink)
        {
            if (!Uri.TryCreate(nextLink, UriKind.Absolute, out Uri? uri))
            {
                uri = new Uri(Endpoint, nextLink);
            }

            if (Uri.Compare(uri, Endpoint, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw new InvalidOperationException("The service returned a nextLink on another host; it was not followed.");
            }

            return uri;
        }

        private static Page<WebPubSubGroupMember> ParseMembersPage(Response response)
        {
            using JsonDocument document = JsonDocument.Parse(response.Content.ToMemory());
            JsonElement root = document.RootElement;
            var members = new List<WebPubSubGroupMember>();
            if (root.TryGetProperty("value", out JsonElement value) && value.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in value.EnumerateArray())
                {
                    string? connectionId = item.TryGetProperty("connectionId", out JsonElement c) ? c.GetString() : null;
                    string? userId = item.TryGetProperty("userId", out JsonElement u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                    if (connectionId != null)
                    {
                        members.Add(new WebPubSubGroupMember(connectionId, userId));
                    }
                }
            }

            string? next = root.TryGetProperty("nextLink", out JsonElement link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
            return Page<WebPubSubGroupMember>.FromValues(members, string.IsNullOrEmpty(next) ? null : next, response);
        }

        private HttpMessage CreateGroupsFilterMessage(string hubRelativePath, IEnumerable<string> groups, string? filter)
        {
            if (groups is null)
            {
                throw new ArgumentNullException(nameof(groups));
            }

            var body = new MemoryStream();
            // Relaxed escaping keeps OData quotes readable ('u1' rather than \u0027u1\u0027); both parse the same.
            using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("groups");
                foreach (string group in groups)
                {
                    writer.WriteStringValue(group);
                }

                writer.WriteEndArray();
                if (filter != null)
                {
                    writer.WriteString("filter", filter);
                }

                writer.WriteEndObject();
            }

            HttpMessage message = CreateHubMessage(RequestMethod.Post, hubRelativePath);
            message.Request.Headers.SetValue(HttpHeader.Names.ContentType, WebPubSubContentTypes.Json);
            message.Request.Content = RequestContent.Create(new ReadOnlyMemory<byte>(body.GetBuffer(), 0, (int)body.Length));
            return message;
        }

        private static string GroupPath(string group) => "/groups/" + Segment(group, nameof(group));

        private static string GroupConnectionPath(string group, string connectionId)
            => GroupPath(group) + "/connections/" + Segment(connectionId, nameof(connectionId));
    }
}
