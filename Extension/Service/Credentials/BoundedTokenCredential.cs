using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>
    /// Gives a credential a deadline. Azure.Identity retries a failing identity endpoint inside the credential (its
    /// own retries within Azure.Core's), so an endpoint that is down or answering 500 fails a negotiate or an output
    /// only after 20–30 s. Past the deadline this gives up with an error that names the connection, the credential
    /// and the setting that changes the limit; errors the credential returns before then pass through unchanged.
    /// </summary>
    internal sealed class BoundedTokenCredential : TokenCredential
    {
        private readonly TokenCredential _inner;
        private readonly TimeSpan _timeout;
        private readonly string _connectionName;

        public BoundedTokenCredential(TokenCredential inner, TimeSpan timeout, string connectionName)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            if (timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), "The token timeout must be positive.");
            }

            _timeout = timeout;
            _connectionName = connectionName;
        }

        /// <summary>The credential this one bounds (for diagnostics: its type name says which credential failed).</summary>
        public TokenCredential Inner => _inner;

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            using var deadline = new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            Task<AccessToken> token = _inner.GetTokenAsync(requestContext, linked.Token).AsTask();

            // The delay ends with the token or the caller's cancellation, whichever comes first.
            using var delayCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task first = await Task.WhenAny(token, Task.Delay(_timeout, delayCancellation.Token)).ConfigureAwait(false);
            if (first == token)
            {
                delayCancellation.Cancel();
                return await token.ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            deadline.Cancel();
            Observe(token);
            throw TimedOut();
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            // A synchronous credential cannot be abandoned; cancelling is all the deadline can do.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_timeout);
            try
            {
                return _inner.GetToken(requestContext, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw TimedOut();
            }
        }

        public override string ToString() => _inner.GetType().Name;

        private AuthenticationFailedException TimedOut() => new(string.Format(
            CultureInfo.InvariantCulture,
            "{0} did not return a Microsoft Entra token for the Web PubSub connection '{1}' within {2:0.###} s, so the " +
            "call was given up. Check the connection's identity settings ('{1}__credential', '{1}__clientId' or " +
            "'{1}__managedIdentityResourceId') and that the identity endpoint answers: the credential retries an endpoint " +
            "that is down or failing until the time runs out. If the endpoint is only slow to start (IMDS on a new VM), " +
            "raise 'extensions.webpubsub.tokenTimeout' in host.json.",
            _inner.GetType().Name,
            _connectionName.Replace(":", "__"),
            _timeout.TotalSeconds));

        // The abandoned attempt still ends (cancelled or failed); observe it so it is not an unobserved exception.
        private static void Observe(Task task) =>
            task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
