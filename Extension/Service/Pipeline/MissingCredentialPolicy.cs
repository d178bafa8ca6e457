using System;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>For key-less connection strings: fail before anything goes on the wire, with a message that says why.</summary>
    internal sealed class MissingCredentialPolicy : HttpPipelineSynchronousPolicy
    {
        public const string Message =
            "The Web PubSub connection has no AccessKey and no identity, so it cannot call the service. "
            + "Add an AccessKey to the connection string or configure an identity-based connection ('serviceUri').";

        public override void OnSendingRequest(HttpMessage message) => throw new InvalidOperationException(Message);
    }
}
