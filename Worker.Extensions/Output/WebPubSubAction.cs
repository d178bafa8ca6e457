using System;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Serialization;

namespace Microsoft.Azure.Functions.Worker
{
    /// <summary>
    /// An operation for <see cref="WebPubSubOutputAttribute"/>. The host-side extension finds the operation by
    /// <see cref="ActionName"/> and reads the members by name, whatever their case.
    /// </summary>
    [DataContract]
    [JsonConverter(typeof(ActionJsonConverter))]
    public abstract class WebPubSubAction
    {
        private protected WebPubSubAction()
        {
        }

        /// <summary>The type name without <c>Action</c>, e.g. <c>SendToAll</c>.</summary>
        [DataMember(Name = "actionName")]
        public string ActionName => ActionTypes.NameOf(GetType());
    }
}
