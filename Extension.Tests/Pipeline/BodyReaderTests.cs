using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Pipeline
{
    public class BodyReaderTests
    {
        private static readonly byte[] Body = Enumerable.Range(0, 70_000).Select(i => (byte)i).ToArray();

        /// <summary>A stream that hands out at most a few bytes per read, as a network stream may.</summary>
        private sealed class TrickleStream : MemoryStream
        {
            public TrickleStream(byte[] bytes) : base(bytes) { }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                base.ReadAsync(buffer, offset, Math.Min(count, 7), cancellationToken);

#if NET
            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                base.ReadAsync(buffer.Slice(0, Math.Min(buffer.Length, 7)), cancellationToken);
#endif
        }

        [Test]
        public async Task KnownLengthReadsExactlyTheBodyInOneArray()
        {
            var data = await BodyReader.ReadAsync(new TrickleStream(Body), Body.Length, CancellationToken.None);
            Assert.That(data.ToArray(), Is.EqualTo(Body));
            Assert.That(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data.ToMemory(), out var segment) && segment.Array!.Length == Body.Length + 1,
                "the announced length is allocated once, with one spare byte to detect a longer body");
        }

        [Test]
        public async Task UnknownLengthReadsEverything()
        {
            var data = await BodyReader.ReadAsync(new TrickleStream(Body), null, CancellationToken.None);
            Assert.That(data.ToArray(), Is.EqualTo(Body));
        }

        [Test]
        public async Task EmptyBodyIsEmpty() =>
            Assert.That((await BodyReader.ReadAsync(new MemoryStream(), 0, CancellationToken.None)).ToMemory().IsEmpty, Is.True);

        [Test]
        public async Task ShorterThanAnnouncedKeepsWhatCame()
        {
            var data = await BodyReader.ReadAsync(new MemoryStream(Body, 0, 10), 100, CancellationToken.None);
            Assert.That(data.ToArray(), Is.EqualTo(Body.Take(10).ToArray()));
        }

        [Test]
        public void OneByteMoreThanAnnouncedIsA400() =>
            Assert.ThrowsAsync<WebPubSubRequestException>(async () => await BodyReader.ReadAsync(new TrickleStream(Body), Body.Length - 1, CancellationToken.None));

        [Test]
        public void LongerThanAnnouncedIsA400()
        {
            var e = Assert.ThrowsAsync<WebPubSubRequestException>(async () => await BodyReader.ReadAsync(new MemoryStream(Body), 10, CancellationToken.None));
            Assert.That(e!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(e.Message, Does.Contain("Content-Length"));
        }
    }
}
