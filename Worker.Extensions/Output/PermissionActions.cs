using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    [DataContract]
    public sealed class GrantPermissionAction : WebPubSubAction
    {
        [DataMember(Name = "connectionId")]
        public string ConnectionId { get; set; } = null!;

        public WebPubSubPermission Permission { get; set; }

        [DataMember(Name = "permission")]
        private string WirePermission
        {
            get => Permission.ToString();
            set => Permission = (WebPubSubPermission)Enum.Parse(typeof(WebPubSubPermission), value, ignoreCase: true);
        }

        [DataMember(Name = "targetName", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? TargetName { get; set; }
    }

    [DataContract]
    public sealed class RevokePermissionAction : WebPubSubAction
    {
        [DataMember(Name = "connectionId")]
        public string ConnectionId { get; set; } = null!;

        public WebPubSubPermission Permission { get; set; }

        [DataMember(Name = "permission")]
        private string WirePermission
        {
            get => Permission.ToString();
            set => Permission = (WebPubSubPermission)Enum.Parse(typeof(WebPubSubPermission), value, ignoreCase: true);
        }

        [DataMember(Name = "targetName", EmitDefaultValue = false)]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? TargetName { get; set; }
    }
}
