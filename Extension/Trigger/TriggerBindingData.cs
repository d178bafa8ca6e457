using System;
using System.Collections.Generic;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Azure.WebPubSub.Common.Serialization;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger
{
    /// <summary>
    /// The binding data of a trigger invocation: what other parameters bind to by name, and what binding
    /// expressions such as <c>{connectionId}</c> in other bindings resolve against.
    /// </summary>
    internal static class TriggerBindingData
    {
        public static IReadOnlyDictionary<string, Type> Contract(string triggerParameterName, Type triggerParameterType)
        {
            var contract = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
            {
                ["request"] = typeof(WebPubSubEventRequest),
                ["connectionContext"] = typeof(WebPubSubConnectionContext),
                ["data"] = typeof(BinaryData),
                ["dataType"] = typeof(WebPubSubDataType),
                ["claims"] = typeof(IReadOnlyDictionary<string, string[]>),
                ["query"] = typeof(IReadOnlyDictionary<string, string[]>),
                ["subprotocols"] = typeof(IReadOnlyList<string>),
                ["clientCertificates"] = typeof(IReadOnlyList<WebPubSubClientCertificate>),
                ["reason"] = typeof(string),
                ["group"] = typeof(string),
                // Addition to upstream: flat values for binding expressions.
                ["connectionId"] = typeof(string),
                ["userId"] = typeof(string),
                ["hub"] = typeof(string),
                ["eventName"] = typeof(string),
                ["$return"] = typeof(object).MakeByRefType(),
            };
            // WebJobs checks the trigger parameter against the contract entry of its own name, so that entry
            // must carry the parameter's type (ConnectEventRequest for a parameter named "request", say).
            contract[triggerParameterName] = triggerParameterType;
            return contract;
        }

        public static IReadOnlyDictionary<string, object?> Values(WebPubSubTriggerEvent triggerEvent)
        {
            var context = triggerEvent.ConnectionContext;
            return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["request"] = triggerEvent.Request,
                ["connectionContext"] = context,
                ["data"] = ScriptFriendlyBinaryData.From(triggerEvent.Data),
                ["dataType"] = triggerEvent.DataType,
                ["claims"] = triggerEvent.Claims,
                ["query"] = triggerEvent.Query,
                ["subprotocols"] = triggerEvent.Subprotocols,
                ["clientCertificates"] = triggerEvent.ClientCertificates,
                ["reason"] = triggerEvent.Reason,
                ["group"] = triggerEvent.Group,
                ["connectionId"] = context.ConnectionId,
                ["userId"] = context.UserId,
                ["hub"] = context.Hub,
                ["eventName"] = context.EventName,
            };
        }
    }
}
