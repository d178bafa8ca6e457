using System;
using System.Collections.Generic;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
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
        // Upstream's keys, spelt as upstream spells them. Matching by name is case-insensitive everywhere in WebJobs
        // (C# parameters, {binding expressions}), but custom handlers get these keys verbatim as their Metadata.
        public const string Request = "Request";
        public const string ConnectionContext = "ConnectionContext";
        public const string Data = "Data";
        public const string DataType = "DataType";
        public const string Claims = "Claims";
        public const string Query = "Query";
        public const string Subprotocols = "Subprotocols";
        public const string ClientCertificates = "ClientCertificates";
        public const string Reason = "Reason";

        public static IReadOnlyDictionary<string, Type> Contract(string triggerParameterName, Type triggerParameterType)
        {
            var contract = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
            {
                [Request] = typeof(WebPubSubEventRequest),
                [ConnectionContext] = typeof(WebPubSubConnectionContext),
                [Data] = typeof(BinaryData),
                [DataType] = typeof(WebPubSubDataType),
                [Claims] = typeof(IReadOnlyDictionary<string, string[]>),
                [Query] = typeof(IReadOnlyDictionary<string, string[]>),
                [Subprotocols] = typeof(IReadOnlyList<string>),
                [ClientCertificates] = typeof(IReadOnlyList<WebPubSubClientCertificate>),
                [Reason] = typeof(string),
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

        /// <summary>The values, built only when WebJobs or a named parameter reads them.</summary>
        public static IReadOnlyDictionary<string, object?> Values(WebPubSubTriggerEvent triggerEvent) =>
            new LazyDictionary<WebPubSubTriggerEvent, object?>(triggerEvent, static e => Build(e));

        private static Dictionary<string, object?> Build(WebPubSubTriggerEvent triggerEvent)
        {
            var context = triggerEvent.ConnectionContext;
            return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                [Request] = triggerEvent.Request,
                [ConnectionContext] = context,
                [Data] = ScriptFriendlyBinaryData.From(triggerEvent.Data),
                [DataType] = triggerEvent.DataType,
                [Claims] = triggerEvent.Claims,
                [Query] = triggerEvent.Query,
                [Subprotocols] = triggerEvent.Subprotocols,
                [ClientCertificates] = triggerEvent.ClientCertificates,
                [Reason] = triggerEvent.Reason,
                ["group"] = triggerEvent.Group,
                ["connectionId"] = context.ConnectionId,
                ["userId"] = context.UserId,
                ["hub"] = context.Hub,
                ["eventName"] = context.EventName,
            };
        }
    }
}
