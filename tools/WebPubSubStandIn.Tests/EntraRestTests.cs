using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using WebPubSubStandIn.Configuration;
using WebPubSubStandIn.Entra;
using WebPubSubStandIn.Https;

namespace WebPubSubStandIn.Tests
{
    /// <summary>The REST API over HTTPS with Microsoft Entra tokens: signature, issuer, audience, expiry, data-plane roles.</summary>
    [TestFixture]
    public class EntraRestTests
    {
        private const string Owner = "aaaaaaaa-0000-0000-0000-000000000001";
        private const string Reader = "aaaaaaaa-0000-0000-0000-000000000002";
        private const string NoRole = "aaaaaaaa-0000-0000-0000-000000000003";
        private const string External = "aaaaaaaa-0000-0000-0000-000000000004";
        private const string Version = "api-version=2024-12-01";
        private string _directory = null!;
        private EntraTestTokens _external = null!;
        private StandInHost _host = null!;
        private HttpClient _https = null!;
        private EntraIssuer _issuer = null!;

        [OneTimeSetUp]
        public async Task StartAsync()
        {
            _directory = Path.Combine(Path.GetTempPath(), "standin-ca-" + Guid.NewGuid().ToString("N"));
            _external = new EntraTestTokens("https://127.0.0.1/external-issuer/");
            Directory.CreateDirectory(_directory);
            var jwks = Path.Combine(_directory, "external-jwks.json");
            File.WriteAllText(jwks, _external.Jwks());
            _host = await StandInHost.StartAsync(new Dictionary<string, string>
            {
                ["StandIn:Https:CertificateDirectory"] = _directory,
                ["StandIn:Entra:RoleAssignments:" + Owner] = DataPlaneRoles.Owner,
                ["StandIn:Entra:RoleAssignments:" + Reader] = DataPlaneRoles.Reader,
                ["StandIn:Entra:RoleAssignments:" + External] = DataPlaneRoles.Owner,
                ["StandIn:Entra:TrustedIssuer"] = _external.Issuer,
                ["StandIn:Entra:TrustedKeysFile"] = jwks,
            }, https: true);
            _issuer = _host.Services.GetRequiredService<EntraIssuer>();
            _https = new HttpClient(TrustingOnly(_directory)) { BaseAddress = new Uri("https://127.0.0.1:" + _host.HttpsPort) };
        }

        [OneTimeTearDown]
        public async Task StopAsync()
        {
            _https.Dispose();
            _external.Dispose();
            await _host.DisposeAsync();
            Directory.Delete(_directory, true);
        }

        // The certificate must chain to the directory's CA (and name 127.0.0.1); nothing else is trusted.
        private static SocketsHttpHandler TrustingOnly(string directory)
        {
            var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(directory, LocalCertificateAuthority.CertificateFileName));
            return new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    CertificateChainPolicy = new X509ChainPolicy
                    {
                        TrustMode = X509ChainTrustMode.CustomRootTrust,
                        CustomTrustStore = { ca },
                        RevocationMode = X509RevocationMode.NoCheck,
                    },
                },
            };
        }

        private string TokenFor(string principal, TimeSpan? lifetime = null)
        {
            var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["id:PrincipalId"] = principal,
                ["id:TokenLifetimeSeconds"] = (lifetime ?? TimeSpan.FromHours(1)).TotalSeconds.ToString(CultureInfo.InvariantCulture),
            }).Build().GetSection("id");
            return _issuer.Issue(ManagedIdentitySettings.FromConfiguration(section)).Token;
        }

        private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token)
        {
            var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? new StringContent("hi", Encoding.UTF8, "text/plain") : null };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await _https.SendAsync(request);
        }

        private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response)
            => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        [Test]
        public async Task HttpsServesACertificateForLoopbackIssuedByTheLocalCa()
        {
            using var response = await _https.GetAsync("/api/health");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            using var again = LocalCertificateAuthority.LoadOrCreate(_directory);
            var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(_directory, LocalCertificateAuthority.CertificateFileName));
            Assert.That(again.Thumbprint, Is.EqualTo(ca.Thumbprint), "the CA is created once and reused");
            if (!OperatingSystem.IsWindows())
            {
                var key = File.GetUnixFileMode(Path.Combine(_directory, "webpubsub-standin-ca.key"));
                Assert.That(key, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }
        }

        [Test]
        public async Task OwnerMaySendAndGenerateTokens()
        {
            var token = TokenFor(Owner);
            using var send = await SendAsync(HttpMethod.Post, $"/api/hubs/chat/:send?{Version}", token);
            Assert.That(send.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            using var generate = await SendAsync(HttpMethod.Post, $"/api/hubs/chat/:generateToken?{Version}&userId=u1", token);
            Assert.That(generate.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var clientToken = (await ErrorAsync(generate)).GetProperty("token").GetString()!;
            Assert.That(Jwt.Payload(clientToken).GetProperty("sub").GetString(), Is.EqualTo("u1"));
        }

        [Test]
        public async Task WithoutARoleIs403WithTheServiceErrorBody()
        {
            var token = TokenFor(NoRole);
            using var response = await SendAsync(HttpMethod.Post, $"/api/hubs/chat/:generateToken?{Version}", token);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(response.Headers.GetValues("x-ms-error-code"), Is.EqualTo(new[] { "Error.Forbidden" }));
            var body = await ErrorAsync(response);
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("Error.Forbidden"));
            Assert.That(body.GetProperty("message").GetString(), Does.Contain(NoRole).And.Contain("generateToken").And.Not.Contain(token));
        }

        [Test]
        public async Task ReaderMayOnlyRead()
        {
            var token = TokenFor(Reader);
            using var exists = await SendAsync(HttpMethod.Head, $"/api/hubs/chat/users/nobody?{Version}", token);
            Assert.That(exists.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "an existence check runs (and finds nothing)");
            using var send = await SendAsync(HttpMethod.Post, $"/api/hubs/chat/:send?{Version}", token);
            Assert.That(send.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        [Test]
        public async Task ExpiredUntrustedOrMisaddressedTokensAre401()
        {
            var expired = TokenFor(Owner, TimeSpan.FromMinutes(-5));
            using (var response = await SendAsync(HttpMethod.Post, $"/api/hubs/chat/:send?{Version}", expired))
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That((await ErrorAsync(response)).GetProperty("message").GetString(), Does.Contain("expired").And.Not.Contain(expired));
            }
            using var impostor = new EntraTestTokens(_issuer.Issuer);
            using (var response = await SendAsync(HttpMethod.Post, $"/api/hubs/chat/:send?{Version}", impostor.Create(Owner)))
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "same issuer name, another key");
            }
            using (var response = await SendAsync(HttpMethod.Post, $"/api/hubs/chat/:send?{Version}", _external.Create(Owner, audience: "https://vault.azure.net")))
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That((await ErrorAsync(response)).GetProperty("message").GetString(), Does.Contain("audience"));
            }
        }

        [Test]
        public async Task AConfiguredExternalIssuerIsTrusted()
        {
            using var response = await SendAsync(HttpMethod.Post, $"/api/hubs/chat/:send?{Version}", _external.Create(External));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }

        [Test]
        public async Task AccessKeyTokensStillWorkOverHttps()
        {
            var url = $"https://127.0.0.1:{_host.HttpsPort}/api/hubs/chat/:send?{Version}";
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("x") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Jwt.Create(_host.AccessKey, url));
            using var response = await _https.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }
    }
}
