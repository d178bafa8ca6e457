using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Microsoft.Azure.WebPubSub.Common
{
    /// <summary>A client certificate presented to the service by a connecting client.</summary>
    [DataContract]
    public sealed class WebPubSubClientCertificate
    {
        public WebPubSubClientCertificate(string thumbprint)
            : this(thumbprint, null)
        {
        }

        public WebPubSubClientCertificate(string thumbprint, string? content)
        {
            Thumbprint = thumbprint;
            Content = content;
        }

        // No DataMember name on purpose: Newtonsoft consumers have always seen "Thumbprint" here.
        [DataMember]
        [JsonPropertyName("thumbprint")]
        public string Thumbprint { get; }

        /// <summary>The PEM content of the certificate, when the service forwards it.</summary>
        [DataMember(Name = "content")]
        [JsonPropertyName("content")]
        public string? Content { get; }
    }
}
