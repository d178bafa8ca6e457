using System;
using System.Collections.Generic;
using System.Text;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hostile
{
    /// <summary>
    /// The ways a generated request is broken. Each strategy is one short method that changes the request in
    /// one way; the generator applies one to three of them. Strategies that make a request unauthentic set
    /// <see cref="HostileRequest.MustNotInvoke"/>.
    /// </summary>
    internal static partial class Mutations
    {
        public static readonly (string Name, Action<HostileRequest, Random> Apply)[] All =
        {
            ("drop header", DropHeader),
            ("duplicate header", DuplicateHeader),
            ("garble header", GarbleHeader),
            ("oversize header", OversizeHeader),
            ("break signature", BreakSignature),
            ("foreign origin", ForeignOrigin),
            ("many origins and signatures", ManyOriginsAndSignatures),
            ("truncate body", TruncateBody),
            ("corrupt bytes", CorruptBytes),
            ("replace JSON value", ReplaceJsonValue),
            ("huge body", HugeBody),
            ("deep nesting", DeepNesting),
            ("wrong content type", WrongContentType),
            ("garbage states", GarbageStates),
            ("MQTT shape", MqttShape),
            ("wrong method", WrongMethod),
            ("swap event type", SwapEventType),
        };

        /// <summary>Text with control characters, non-ASCII letters, emoji and lone surrogates; never CR or LF, which HTTP cannot carry.</summary>
        internal static string Garbage(Random random, int length)
        {
            const string alphabet = "abcXYZ019 ,;=\"'\\/{}[]:\t\u0000\u0001\u007f\u00e9\u4e2d\u0430%+*?<>&\ud83d\ude00\ud800";
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }
            return builder.ToString();
        }

        private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }
}
