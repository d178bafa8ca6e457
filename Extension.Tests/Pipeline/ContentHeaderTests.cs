using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Pipeline
{
    /// <summary>
    /// Content-Type and Content-Length as the Functions host adds them (text, without validation) read the same as
    /// a header parser would read them.
    /// </summary>
    public class ContentHeaderTests
    {
        private static HttpRequestMessageAdapter Request(byte[] body, string? contentType, string? contentLength)
        {
            var content = new StreamContent(new MemoryStream(body));
            if (contentType != null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            if (contentLength != null)
            {
                content.Headers.TryAddWithoutValidation("Content-Length", contentLength);
            }
            return new HttpRequestMessageAdapter(new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/") { Content = content });
        }

        [TestCase("text/plain", "text/plain")]
        [TestCase("application/json", "application/json")]
        [TestCase("application/cloudevents+json", "application/cloudevents+json")]
        [TestCase("application/json; charset=utf-8", "application/json")]
        [TestCase("  text/plain ", "text/plain")]
        [TestCase("Text/Plain;charset=\"utf-8\"", "Text/Plain")]
        [TestCase("te xt/plain", null)]
        [TestCase("text/", null)]
        [TestCase("/plain", null)]
        [TestCase("textplain", null)]
        [TestCase("text/plain/extra", null)]
        public void MediaTypeIsWhatAHeaderParserReads(string header, string? expected)
        {
            Assert.That(Request(new byte[1], header, "1").MediaType, Is.EqualTo(expected));
            Assert.That(expected, Is.EqualTo(ParsedByHttpHeaders(header)), "the same as the validated read");
        }

        [TestCase("text/plain", true)]
        [TestCase("application/vnd.x+json", true)]
        [TestCase("a/b", true)]
        [TestCase("text/plain;charset=utf-8", false)]
        [TestCase("text/ plain", false)]
        [TestCase("text/plain,application/json", false)]
        [TestCase("text/pl\u00e4in", false)]
        [TestCase("/", false)]
        public void OnlyABareTypeSlashSubtypeSkipsTheParser(string value, bool plain) =>
            Assert.That(MediaTypeText.IsPlain(value), Is.EqualTo(plain));

        [Test]
        public async Task ContentLengthAsTextBoundsTheBody()
        {
            byte[] body = Encoding.UTF8.GetBytes("hello world");
            var data = await Request(body, "text/plain", "11").ReadBodyAsync(CancellationToken.None);
            Assert.That(data.ToArray(), Is.EqualTo(body));

            var longer = Assert.ThrowsAsync<WebPubSubRequestException>(async () => await Request(body, "text/plain", "5").ReadBodyAsync(CancellationToken.None));
            Assert.That(longer!.Message, Does.Contain("Content-Length"));
        }

        [TestCase("abc")]
        [TestCase("-1")]
        [TestCase(" 11")]
        public async Task AContentLengthThatIsNotANumberReadsTheWholeBody(string contentLength)
        {
            byte[] body = Encoding.UTF8.GetBytes("hello world");
            var data = await Request(body, "text/plain", contentLength).ReadBodyAsync(CancellationToken.None);
            Assert.That(data.ToArray(), Is.EqualTo(body));
        }

        private static string? ParsedByHttpHeaders(string header)
        {
            var content = new ByteArrayContent(new byte[1]);
            content.Headers.TryAddWithoutValidation("Content-Type", header);
            return content.Headers.ContentType?.MediaType;
        }
    }
}
