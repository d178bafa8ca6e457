using System.Collections.Generic;
using System.Text.Json;

namespace Microsoft.Azure.WebPubSub.Common.Serialization
{
    /// <summary>
    /// Null-safety of the wire contents. JSON may hold <c>null</c> anywhere, but the public models promise
    /// non-null elements (a certificate, a claim value, a user property name...). The mapper checks every such
    /// place through these helpers, so a null becomes a <see cref="JsonException"/> naming the field's path
    /// (e.g. <c>clientCertificates[0]</c>) for every reader alike, instead of a NullReferenceException later.
    /// A null collection itself stays allowed: the models expose those as nullable.
    /// </summary>
    internal static class ContentGuard
    {
        public static T Required<T>(T? value, string path)
            where T : class =>
            value ?? throw Missing(path);

        // Paths are built only for the error: every connect event passes through here, and nearly all are valid.

        /// <summary>A list whose elements must all be present.</summary>
        public static IReadOnlyList<T>? Elements<T>(IReadOnlyList<T>? list, string path)
            where T : class
        {
            if (list != null)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is null)
                    {
                        throw Missing($"{path}[{i}]");
                    }
                }
            }
            return list;
        }

        /// <summary>Claims, query and headers: each name maps to a list of present strings.</summary>
        public static IReadOnlyDictionary<string, string[]>? Values(IReadOnlyDictionary<string, string[]>? map, string path)
        {
            if (map is Dictionary<string, string[]> dictionary)
            {
                // The deserializer's own type: enumerated without boxing its enumerator.
                foreach (var pair in dictionary)
                {
                    Values(pair, path);
                }
            }
            else if (map != null)
            {
                foreach (var pair in map)
                {
                    Values(pair, path);
                }
            }
            return map;
        }

        private static void Values(KeyValuePair<string, string[]> pair, string path)
        {
            var values = pair.Value ?? throw Missing($"{path}.{pair.Key}");
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null)
                {
                    throw Missing($"{path}.{pair.Key}[{i}]");
                }
            }
        }

        public static IReadOnlyList<MqttUserProperty>? UserProperties(IReadOnlyList<MqttUserProperty>? properties, string path)
        {
            if (properties != null)
            {
                for (var i = 0; i < properties.Count; i++)
                {
                    var property = properties[i] ?? throw Missing($"{path}[{i}]");
                    _ = property.Name ?? throw Missing($"{path}[{i}].name");
                    _ = property.Value ?? throw Missing($"{path}[{i}].value");
                }
            }
            return properties;
        }

        public static JsonException Missing(string path) => new($"'{path}' must not be null.");
    }
}
