using System.Collections.Generic;
using System.Linq;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>The blocking <c>connect</c> event: the handler accepts (optionally shaping the connection) or rejects.</summary>
    [DataContract]
    public class ConnectEventRequest : WebPubSubEventRequest
    {
        public ConnectEventRequest(
            WebPubSubConnectionContext context,
            IReadOnlyDictionary<string, string[]>? claims,
            IReadOnlyDictionary<string, string[]>? query,
            IEnumerable<string>? subprotocols,
            IEnumerable<WebPubSubClientCertificate>? certificates)
            : this(context, claims, query, subprotocols, certificates, null)
        {
        }

        public ConnectEventRequest(
            WebPubSubConnectionContext context,
            IReadOnlyDictionary<string, string[]>? claims,
            IReadOnlyDictionary<string, string[]>? query,
            IEnumerable<string>? subprotocols,
            IEnumerable<WebPubSubClientCertificate>? certificates,
            IReadOnlyDictionary<string, string[]>? headers)
            : base(context)
        {
            Claims = claims;
            Query = query;
            Subprotocols = subprotocols?.ToArray();
            ClientCertificates = certificates?.ToArray();
            Headers = headers;
        }

        [DataMember(Name = "claims")]
        [JsonPropertyName("claims")]
        public IReadOnlyDictionary<string, string[]>? Claims { get; }

        [DataMember(Name = "query")]
        [JsonPropertyName("query")]
        public IReadOnlyDictionary<string, string[]>? Query { get; }

        [DataMember(Name = "subprotocols")]
        [JsonPropertyName("subprotocols")]
        public IReadOnlyList<string>? Subprotocols { get; }

        [DataMember(Name = "clientCertificates")]
        [JsonPropertyName("clientCertificates")]
        public IReadOnlyList<WebPubSubClientCertificate>? ClientCertificates { get; }

        [DataMember(Name = "headers")]
        [JsonPropertyName("headers")]
        public IReadOnlyDictionary<string, string[]>? Headers { get; }

        public ConnectEventResponse CreateResponse(string? userId, IEnumerable<string>? groups, string? subprotocol, IEnumerable<string>? roles) =>
            new ConnectEventResponse(userId, groups, subprotocol, roles);

        public virtual EventErrorResponse CreateErrorResponse(WebPubSubErrorCode code, string? message) =>
            new EventErrorResponse(code, message);
    }
}
