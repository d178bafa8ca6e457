using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Api
{
    /// <summary>
    /// Pins the public API: every type and member of upstream's worker package 1.7.0 (its API listing as in the
    /// reference tables) plus the additions, nothing else. Change PublicApi.approved.txt only on purpose.
    /// </summary>
    public class PublicApiTests
    {
        private static string ApprovedPath() => Path.Combine(TestContext.CurrentContext.TestDirectory, "Api", "PublicApi.approved.txt");

        private static string[] Surface() => PublicSurface.Of(typeof(WebPubSubTriggerAttribute).Assembly).ToArray();

        [Test]
        public void Surface_IsTheApprovedOne()
        {
            var approved = File.ReadAllLines(ApprovedPath()).Where(l => l.Length > 0).ToArray();

            var actual = Surface();

            Assert.That(actual.Except(approved), Is.Empty, "new public API: review it, then add it to PublicApi.approved.txt");
            Assert.That(approved.Except(actual), Is.Empty, "public API removed or changed");
        }

        [Test]
        public void Surface_HoldsEveryUpstreamMember()
        {
            var actual = Surface();

            Assert.That(UpstreamSurface.Lines.Except(actual), Is.Empty, "upstream 1.7.0 members missing: user code would not compile");
        }

        [Test]
        public void EveryTypeIsInTheUpstreamNamespace()
        {
            Assert.That(typeof(WebPubSubTriggerAttribute).Assembly.GetExportedTypes().Select(t => t.Namespace).Distinct(), Is.EqualTo(new[] { "Microsoft.Azure.Functions.Worker" }));
        }
    }
}
