using System;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>
    /// What negotiate hands to a client: <c>{"baseUrl":..,"url":..,"accessToken":..}</c>, with any serializer
    /// (returning it from an HTTP function gives the client exactly that JSON).
    /// </summary>
    [DataContract]
    [InputConverter(typeof(WebPubSubInputConverter))]
    public sealed class WebPubSubConnection
    {
        [DataMember(Name = "baseUrl")]
        [JsonPropertyName("baseUrl")]
        public Uri BaseUri { get; set; } = null!;

        [DataMember(Name = "url")]
        [JsonPropertyName("url")]
        public Uri Uri { get; set; } = null!;

        [DataMember(Name = "accessToken")]
        [JsonPropertyName("accessToken")]
        public string AccessToken { get; set; } = null!;
    }
}
