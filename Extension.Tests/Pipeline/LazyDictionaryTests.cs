using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Pipeline
{
    public class LazyDictionaryTests
    {
        private sealed class Source
        {
            public int Builds;

            public Dictionary<string, string[]> Build()
            {
                Builds++;
                return new Dictionary<string, string[]>(System.StringComparer.OrdinalIgnoreCase) { ["ce-hub"] = new[] { "chat" } };
            }
        }

        [Test]
        public void NothingIsBuiltUntilRead()
        {
            var source = new Source();
            _ = new LazyDictionary<Source, string[]>(source, static s => s.Build());
            Assert.That(source.Builds, Is.Zero);
        }

        [Test]
        public void EveryMemberReadsTheSameOnceBuiltContents()
        {
            var source = new Source();
            var lazy = new LazyDictionary<Source, string[]>(source, static s => s.Build());

            Assert.That(lazy["CE-HUB"], Is.EqualTo(new[] { "chat" }));
            Assert.That(lazy.TryGetValue("ce-hub", out var value) && value[0] == "chat", Is.True);
            Assert.That(lazy.TryGetValue("missing", out _), Is.False);
            Assert.That(lazy.ContainsKey("ce-hub") && lazy.Count == 1 && lazy.Keys.Single() == "ce-hub", Is.True);
            Assert.That(lazy.Single().Value, Is.SameAs(lazy.Values.Single()));
            Assert.That(source.Builds, Is.EqualTo(1));
        }

        [Test]
        public void ConcurrentFirstReadsAgree()
        {
            var lazy = new LazyDictionary<Source, string[]>(new Source(), static s => s.Build());
            var seen = Enumerable.Range(0, 8).AsParallel().Select(_ => lazy["ce-hub"]).ToArray();
            Assert.That(seen.Distinct().Count(), Is.EqualTo(1), "one dictionary wins; all readers see its arrays");
        }

        [Test]
        public void NewtonsoftWritesItAsAnObject() =>
            Assert.That(Newtonsoft.Json.JsonConvert.SerializeObject(new LazyDictionary<Source, string[]>(new Source(), static s => s.Build())),
                Is.EqualTo("{\"ce-hub\":[\"chat\"]}"));
    }
}
