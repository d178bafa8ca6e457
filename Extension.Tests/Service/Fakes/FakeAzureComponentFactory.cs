using System;
using System.Collections.Generic;
using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    /// <summary>Records which sections asked for a credential; returns a <see cref="FakeTokenCredential"/>.</summary>
    internal sealed class FakeAzureComponentFactory : AzureComponentFactory
    {
        public List<IConfiguration> CredentialSections { get; } = new();

        public override TokenCredential CreateTokenCredential(IConfiguration configuration)
        {
            CredentialSections.Add(configuration);
            return new FakeTokenCredential();
        }

        public override object CreateClientOptions(Type optionsType, object? serviceVersion, IConfiguration configuration) => throw new NotSupportedException();

        public override object CreateClient(Type clientType, IConfiguration configuration, TokenCredential? credential, object clientOptions) => throw new NotSupportedException();
    }
}
