using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    public class BoundedTokenCredentialTests
    {
        private static readonly TokenRequestContext Context = new(new[] { WebPubSubServiceClientOptions.DefaultEntraScope });
        private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

        [Test]
        public async Task ATokenInTimeIsReturned()
        {
            var bounded = new BoundedTokenCredential(new FakeTokenCredential(), Short, "WebPubSubConnectionString");
            AccessToken token = await bounded.GetTokenAsync(Context, CancellationToken.None);
            Assert.That(token.Token, Is.EqualTo(FakeTokenCredential.Token));
        }

        [Test]
        public void AnErrorInTimePassesThroughUnchanged()
        {
            var error = new AuthenticationFailedException("ManagedIdentityCredential: 500 from the endpoint");
            var bounded = new BoundedTokenCredential(new SlowCredential(TimeSpan.Zero, error), TimeSpan.FromSeconds(10), "c");
            var thrown = Assert.ThrowsAsync<AuthenticationFailedException>(async () => await bounded.GetTokenAsync(Context, CancellationToken.None));
            Assert.That(thrown, Is.SameAs(error));
        }

        [Test]
        public void ASlowCredentialIsGivenUpAtTheDeadlineAndCancelled()
        {
            var slow = new SlowCredential(Timeout.InfiniteTimeSpan);
            var bounded = new BoundedTokenCredential(slow, Short, "Custom:Connection");
            var watch = Stopwatch.StartNew();
            var error = Assert.ThrowsAsync<AuthenticationFailedException>(async () => await bounded.GetTokenAsync(Context, CancellationToken.None))!;
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(Short - TimeSpan.FromMilliseconds(20)).And.LessThan(TimeSpan.FromSeconds(5)));
            Assert.That(error.Message, Does.Contain("SlowCredential").And.Contain("'Custom__Connection'").And.Contain("0.2 s")
                .And.Contain("Custom__Connection__clientId").And.Contain("extensions.webpubsub.tokenTimeout"));
            Assert.That(slow.SawCancellation.Wait(TimeSpan.FromSeconds(5)), Is.True, "the abandoned attempt is cancelled");
        }

        [Test]
        public void ACredentialThatIgnoresCancellationIsStillGivenUp()
        {
            var bounded = new BoundedTokenCredential(new SlowCredential(Timeout.InfiniteTimeSpan, honourCancellation: false), Short, "c");
            var watch = Stopwatch.StartNew();
            Assert.ThrowsAsync<AuthenticationFailedException>(async () => await bounded.GetTokenAsync(Context, CancellationToken.None));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        }

        [Test]
        public void TheCallersCancellationIsACancellationNotATimeout()
        {
            var bounded = new BoundedTokenCredential(new SlowCredential(Timeout.InfiniteTimeSpan), TimeSpan.FromSeconds(30), "c");
            using var caller = new CancellationTokenSource(Short);
            var error = Assert.CatchAsync<OperationCanceledException>(async () => await bounded.GetTokenAsync(Context, caller.Token));
            Assert.That(error, Is.Not.InstanceOf<AuthenticationFailedException>());
        }

        [Test]
        public void TheSynchronousPathCancelsAtTheDeadline()
        {
            var bounded = new BoundedTokenCredential(new SlowCredential(Timeout.InfiniteTimeSpan), Short, "c");
            var error = Assert.Throws<AuthenticationFailedException>(() => bounded.GetToken(Context, CancellationToken.None))!;
            Assert.That(error.Message, Does.Contain("0.2 s"));
        }

        [Test]
        public void ANonPositiveDeadlineIsRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedTokenCredential(new FakeTokenCredential(), TimeSpan.Zero, "c"));
        }

        [Test]
        public void IdentityCredentialsAreBoundedByDefaultAndInfiniteMeansUnbounded()
        {
            var configured = new FakeTokenCredential();
            var byDefault = new IdentityCredential(configured);
            Assert.That(byDefault.TokenCredential, Is.SameAs(configured));
            Assert.That(byDefault.PipelineCredential, Is.InstanceOf<BoundedTokenCredential>());
            Assert.That(((BoundedTokenCredential)byDefault.PipelineCredential).Inner, Is.SameAs(configured));
            Assert.That(byDefault.ToString(), Is.EqualTo("IdentityCredential(FakeTokenCredential)"));

            var unbounded = new IdentityCredential(configured, Timeout.InfiniteTimeSpan);
            Assert.That(unbounded.PipelineCredential, Is.SameAs(configured));
        }

        /// <summary>Answers after a delay (infinite: never), with an error or a token, and notes a cancellation.</summary>
        private sealed class SlowCredential : TokenCredential
        {
            private readonly TimeSpan _delay;
            private readonly Exception? _error;
            private readonly bool _honourCancellation;

            public SlowCredential(TimeSpan delay, Exception? error = null, bool honourCancellation = true)
            {
                _delay = delay;
                _error = error;
                _honourCancellation = honourCancellation;
            }

            public ManualResetEventSlim SawCancellation { get; } = new();

            public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
                => GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

            public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            {
                using var _ = cancellationToken.Register(() => SawCancellation.Set());
                await Task.Delay(_delay, _honourCancellation ? cancellationToken : CancellationToken.None).ConfigureAwait(false);
                if (_error != null)
                {
                    throw _error;
                }
                return new AccessToken("slow", DateTimeOffset.UtcNow.AddHours(1));
            }
        }
    }
}
