using System;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service
{
    /// <summary>Builds the HTTP pipeline for a credential. Endpoint- and hub-independent, so one can serve many clients.</summary>
    internal static class WebPubSubPipeline
    {
        public static HttpPipeline Create(WebPubSubCredential credential, WebPubSubServiceClientOptions options)
        {
            if (credential is null)
            {
                throw new ArgumentNullException(nameof(credential));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            HttpPipelinePolicy auth = credential switch
            {
                AccessKeyCredential key => new AccessKeyAuthenticationPolicy(key.AccessKey, options.RestTokenLifetime),
                IdentityCredential identity => new BearerTokenAuthenticationPolicy(identity.PipelineCredential, options.EntraScope),
                _ => new MissingCredentialPolicy(),
            };

            // Per-retry: each attempt (and each page URL) is signed separately.
            return HttpPipelineBuilder.Build(
                new HttpPipelineOptions(options)
                {
                    PerRetryPolicies = { auth },
                    RequestFailedDetailsParser = new WebPubSubErrorParser(),
                });
        }
    }
}
