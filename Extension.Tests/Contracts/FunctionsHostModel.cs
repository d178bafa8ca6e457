using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Contracts
{
    /// <summary>
    /// What the Functions host (v4) does with a trigger invocation before an out-of-process worker sees it, redone
    /// step by step so the contract tests see exactly what workers get. Facts taken from the host's source:
    /// <list type="bullet">
    /// <item>Script functions bind the trigger to <c>string</c> when function.json has no <c>dataType</c>
    /// (WebJobs <c>JobHostMetadataProvider.GetDefaultType</c>); that string is the trigger input.</item>
    /// <item><c>WorkerFunctionInvoker</c> passes <c>Binder.BindingData</c> (the trigger's binding data in a
    /// case-insensitive dictionary) after <c>Utility.ApplyBindingData</c> has copied the top-level non-array
    /// properties of that JSON string into it: objects as <see cref="JObject"/>, everything else as its string.
    /// An existing key keeps its casing, only its value changes.</item>
    /// <item>gRPC workers (Node, Python, isolated .NET) get each non-null value as <c>TypedData</c>
    /// (<c>GrpcMessageConversionExtensions.ToRpc</c>): <c>JObject</c> → json, <c>string</c> → string,
    /// <c>byte[]</c> → bytes, <c>string[]</c> → a string collection, anything else
    /// <c>JsonConvert.SerializeObject</c> (the process's default settings) → json. <c>sys</c> is skipped.</item>
    /// <item>Custom handlers get <c>Metadata[key] = JObject.FromObject(value)</c>, or when that throws
    /// <c>JsonConvert.SerializeObject(value)</c> as a string (<c>GetHttpScriptInvocationContextValue</c>);
    /// the body is then written by <c>JsonMediaTypeFormatter</c> with plain settings.</item>
    /// </list>
    /// </summary>
    internal static class FunctionsHostModel
    {
        /// <summary>The host's <c>Utility.ApplyBindingData</c>.</summary>
        public static Dictionary<string, object?> ApplyBindingData(string triggerJson, IReadOnlyDictionary<string, object?> bindingData)
        {
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in bindingData)
            {
                result[pair.Key] = pair.Value;
            }
            var trimmed = triggerJson.Trim();
            if (!trimmed.StartsWith("{", StringComparison.Ordinal))
            {
                return result;
            }
            foreach (var property in JObject.Parse(trimmed).Properties().Where(p => p.Value.Type != JTokenType.Array))
            {
                object? value = property.Value.Type == JTokenType.Object ? (JObject)property.Value : (string?)property.Value;
                if (value != null)
                {
                    result[property.Name] = value;
                }
            }
            return result;
        }

        /// <summary>
        /// The trigger metadata of a gRPC invocation, each entry as the JSON the worker decodes from its
        /// <c>TypedData</c> (string data stays a JSON string token).
        /// </summary>
        public static JObject RpcTriggerMetadata(IReadOnlyDictionary<string, object?> bindingData)
        {
            var metadata = new JObject();
            foreach (var pair in bindingData.Where(p => p.Value != null && !IsSystemBindingData(p)))
            {
                metadata[pair.Key] = ToRpc(pair.Value!);
            }
            return metadata;
        }

        /// <summary>
        /// Node's <c>context.bindingData</c> (programming model v3): string data parsed when it is JSON, json
        /// parsed, then keys camel-cased (first letter) through nested objects but not inside arrays.
        /// </summary>
        public static JObject NodeBindingData(JObject rpcTriggerMetadata)
        {
            var parsed = new JObject();
            foreach (var property in rpcTriggerMetadata.Properties())
            {
                parsed[property.Name] = property.Value.Type == JTokenType.String ? TryParse(property.Value.Value<string>()!) : property.Value;
            }
            return (JObject)CamelCaseKeys(parsed);
        }

        /// <summary>The <c>Metadata</c> object of a custom handler's invocation body.</summary>
        public static JObject CustomHandlerMetadata(IReadOnlyDictionary<string, object?> bindingData)
        {
            var metadata = new Dictionary<string, object>();
            foreach (var pair in bindingData.Where(p => p.Value != null && !p.Key.EndsWith("trigger", StringComparison.OrdinalIgnoreCase)))
            {
                metadata[pair.Key] = CustomHandlerValue(pair.Value!);
            }
            // JsonMediaTypeFormatter's serializer: no naming policy, no process-wide settings.
            var body = JToken.FromObject(new { Metadata = metadata }, JsonSerializer.Create(new JsonSerializerSettings()));
            return (JObject)body["Metadata"]!;
        }

        /// <summary>The custom handler's <c>Data</c> entry for the trigger input (a string).</summary>
        public static JToken CustomHandlerData(string triggerInput) => JToken.FromObject(CustomHandlerValue(triggerInput));

        private static object CustomHandlerValue(object value)
        {
            if (value is byte[] bytes)
            {
                return Convert.ToBase64String(bytes);
            }
            try
            {
                return JObject.FromObject(value);
            }
            catch (Exception ex) when (ex is InvalidCastException or ArgumentException or JsonException)
            {
                return JsonConvert.SerializeObject(value);
            }
        }

        private static JToken ToRpc(object value) => value switch
        {
            byte[] bytes => new JObject { ["bytes"] = Convert.ToBase64String(bytes) },
            JObject obj => JToken.Parse(obj.ToString(Formatting.None)),
            string text => new JValue(text),
            string[] strings => new JArray(strings.Cast<object>().ToArray()),
            _ => JToken.Parse(JsonConvert.SerializeObject(value, Formatting.None)),
        };

        private static bool IsSystemBindingData(KeyValuePair<string, object?> pair) =>
            pair.Key.Equals("sys", StringComparison.OrdinalIgnoreCase) && pair.Value?.GetType().Name == "SystemBindingData";

        private static JToken TryParse(string text)
        {
            try
            {
                return JToken.Parse(text);
            }
            catch (JsonReaderException)
            {
                return new JValue(text);
            }
        }

        private static JToken CamelCaseKeys(JToken token)
        {
            if (token is not JObject obj)
            {
                return token;
            }
            var result = new JObject();
            foreach (var property in obj.Properties())
            {
                var name = property.Name.Length == 0 ? property.Name : char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
                result[name] = CamelCaseKeys(property.Value);
            }
            return result;
        }
    }
}
