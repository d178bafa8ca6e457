using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests
{
    /// <summary>
    /// Every documented form of an identity-based connection, each as the only configuration of a fresh host:
    /// app settings as environment variables (<c>__</c>) or JSON-style keys (<c>:</c>), the default and a custom
    /// connection name, a client id or a resource id, and <c>serviceUri</c> alone (DefaultAzureCredential). Each
    /// negotiates, and the stand-in tells which identity asked for the token.
    /// </summary>
    [TestFixture]
    [NonParallelizable]
    public class SettingFormsTests
    {
        private const string Default = Settings.Default;
        private const string Custom = CustomConnectionFunctions.Name;
        private StandInServer _server = null!;

        private static readonly string[] IdentityNames =
        {
            "env-default-client", "colon-default-client", "env-custom-resource", "colon-custom-client", "colon-env-default-resource", "client-without-credential",
        };

        [OneTimeSetUp]
        public async Task StartAsync()
        {
            var identities = new Dictionary<string, IDictionary<string, string>>();
            foreach (var name in IdentityNames)
            {
                identities[name] = new Dictionary<string, string>();
            }
            identities["system"] = new Dictionary<string, string> { ["SystemAssigned"] = "true" };
            _server = await StandInServer.StartAsync(identities, webhook: false);
        }

        [OneTimeTearDown]
        public async Task StopAsync() => await _server.DisposeAsync();

        public enum Form
        {
            /// <summary>Environment variables with <c>__</c> (App Service app settings).</summary>
            EnvironmentUnderscores,

            /// <summary>Configuration keys with <c>:</c> (local.settings.json "Values", host configuration).</summary>
            Colons,

            /// <summary>Environment variables whose names keep the <c>:</c> (what Core Tools sets from local.settings.json).</summary>
            EnvironmentColons,
        }

        [TestCase(Form.EnvironmentUnderscores, Default, "env-default-client", "clientId", TestName = "Underscores_DefaultName_ClientId")]
        [TestCase(Form.Colons, Default, "colon-default-client", "clientId", TestName = "Colons_DefaultName_ClientId")]
        [TestCase(Form.EnvironmentUnderscores, Custom, "env-custom-resource", "managedIdentityResourceId", TestName = "Underscores_CustomName_ResourceId")]
        [TestCase(Form.Colons, Custom, "colon-custom-client", "clientId", TestName = "Colons_CustomName_ClientId")]
        [TestCase(Form.EnvironmentColons, Default, "colon-env-default-resource", "managedIdentityResourceId", TestName = "EnvironmentColons_DefaultName_ResourceId")]
        public async Task ManagedIdentityWithAnId(Form form, string connection, string identity, string idSetting)
        {
            var id = idSetting == "clientId" ? _server.ClientId(identity) : StandInServer.ResourceId(identity);
            await NegotiateAsync(form, connection, identity, new Dictionary<string, string>
            {
                ["serviceUri"] = _server.ServiceUri,
                ["credential"] = "managedidentity",
                [idSetting] = id,
            });
        }

        [Test]
        public async Task ServiceUriAloneUsesTheDefaultCredentialChain()
        {
            // DefaultAzureCredential: no environment credential nor workload identity here, so its managed-identity
            // step answers, with the system-assigned identity.
            await NegotiateAsync(Form.EnvironmentUnderscores, Default, "system", new Dictionary<string, string> { ["serviceUri"] = _server.ServiceUri }, expectedRequests: null);
            Assert.That(_server.TokenRequests("system"), Is.InRange(1, 2), "see ManagedIdentityWithoutAnIdIsTheSystemAssignedOne");
        }

        [Test]
        public async Task ManagedIdentityWithoutAnIdIsTheSystemAssignedOne()
        {
            // Azure.Identity keeps managed-identity tokens in a process-wide cache, so the system-assigned token may
            // already be there (the DefaultAzureCredential case): that it is accepted proves it is this stand-in's.
            await NegotiateAsync(Form.Colons, Default, "system", new Dictionary<string, string>
            {
                ["serviceUri"] = _server.ServiceUri,
                ["credential"] = "managedidentity",
            }, expectedRequests: null);
            Assert.That(_server.TokenRequests("system"), Is.InRange(1, 2));
        }

        [Test]
        public async Task ClientIdWithoutCredentialPicksThatManagedIdentityInTheChain()
        {
            await NegotiateAsync(Form.EnvironmentUnderscores, Default, "client-without-credential", new Dictionary<string, string>
            {
                ["serviceUri"] = _server.ServiceUri,
                ["clientId"] = _server.ClientId("client-without-credential"),
            });
        }

        private async Task NegotiateAsync(Form form, string connection, string identity, Dictionary<string, string> settings, int? expectedRequests = 1)
        {
            var environment = new Dictionary<string, string>();
            var configuration = new Dictionary<string, string?>();
            foreach (var (key, value) in settings)
            {
                switch (form)
                {
                    case Form.EnvironmentUnderscores:
                        environment[connection + "__" + key] = value;
                        break;
                    case Form.EnvironmentColons:
                        environment[connection + ":" + key] = value;
                        break;
                    default:
                        configuration[connection + ":" + key] = value;
                        break;
                }
            }

            using var _ = new IdentityEnvironment(_server.IdentityEndpoint, _server.IdentityHeader, environment);
            var functions = connection == Default ? typeof(IdentityFunctions) : typeof(CustomConnectionFunctions);
            await using var host = await IdentityJobHost.StartAsync(configuration, functions);
            await host.CallAsync(functions.Name + ".Negotiate", new { userId = "u-" + identity });

            Assert.That(host.Recorder.Connections.TryDequeue(out var negotiated), Is.True);
            if (expectedRequests != null)
            {
                Assert.That(_server.TokenRequests(identity), Is.EqualTo(expectedRequests), $"token requests by identity '{identity}'");
            }
            using var client = await TestClient.ConnectAsync(negotiated!.Uri);
            Assert.That(client.ConnectionId, Is.Not.Empty);
        }
    }
}
