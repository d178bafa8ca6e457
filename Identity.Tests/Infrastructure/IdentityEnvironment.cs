using System;
using System.Collections.Generic;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure
{
    /// <summary>
    /// Sets the process environment that Azure.Identity reads (App Service's <c>IDENTITY_ENDPOINT</c> /
    /// <c>IDENTITY_HEADER</c>, plus app settings given as environment variables) and clears every other variable
    /// that could send a credential elsewhere (IMDS, Arc, Service Fabric, client secrets, workload identity), so
    /// nothing but 127.0.0.1 is ever contacted. Restores everything on dispose. Tests using it are non-parallel.
    /// </summary>
    internal sealed class IdentityEnvironment : IDisposable
    {
        private static readonly string[] Cleared =
        {
            "MSI_ENDPOINT", "MSI_SECRET", "IMDS_ENDPOINT", "IDENTITY_SERVER_THUMBPRINT", "IDENTITY_API_VERSION",
            "AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH",
            "AZURE_CLIENT_CERTIFICATE_PASSWORD", "AZURE_USERNAME", "AZURE_PASSWORD", "AZURE_FEDERATED_TOKEN_FILE",
            "AZURE_TOKEN_CREDENTIALS", "AZURE_AUTHORITY_HOST", "AZURE_POD_IDENTITY_AUTHORITY_HOST", "AZURE_REGIONAL_AUTHORITY_NAME",
        };

        private readonly Dictionary<string, string?> _saved = new Dictionary<string, string?>();

        public IdentityEnvironment(string identityEndpoint, string identityHeader, IDictionary<string, string>? appSettings = null)
        {
            foreach (var name in Cleared)
            {
                Set(name, null);
            }
            Set("IDENTITY_ENDPOINT", identityEndpoint);
            Set("IDENTITY_HEADER", identityHeader);
            foreach (var setting in appSettings ?? new Dictionary<string, string>())
            {
                Set(setting.Key, setting.Value);
            }
        }

        public void Dispose()
        {
            foreach (var pair in _saved)
            {
                Environment.SetEnvironmentVariable(pair.Key, pair.Value);
            }
        }

        private void Set(string name, string? value)
        {
            if (!_saved.ContainsKey(name))
            {
                _saved[name] = Environment.GetEnvironmentVariable(name);
            }
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
