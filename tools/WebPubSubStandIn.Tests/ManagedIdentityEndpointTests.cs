using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using WebPubSubStandIn.Entra;

namespace WebPubSubStandIn.Tests
{
    [TestFixture]
    public class ManagedIdentityEndpointTests
    {
        private const string Header = "identity-header-secret";
        private const string Resource = "https://webpubsub.azure.com";
        private StandInHost _host = null!;

        [OneTimeSetUp]
        public async Task StartAsync() => _host = await StandInHost.StartAsync(new Dictionary<string, string>
        {
            ["StandIn:ManagedIdentity:Header"] = Header,
            ["StandIn:Identities:user:ClientId"] = "11111111-1111-1111-1111-111111111111",
            ["StandIn:Identities:user:PrincipalId"] = "22222222-2222-2222-2222-222222222222",
            ["StandIn:Identities:user:ResourceId"] = "/subscriptions/s/resourcegroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/user",
            ["StandIn:Identities:user:Roles"] = DataPlaneRoles.Owner,
            ["StandIn:Identities:system:SystemAssigned"] = "true",
            ["StandIn:Identities:system:PrincipalId"] = "33333333-3333-3333-3333-333333333333",
            ["StandIn:Identities:broken:ClientId"] = "broken",
            ["StandIn:Identities:broken:FailureStatus"] = "500",
            ["StandIn:Identities:skewed:ClientId"] = "skewed",
            ["StandIn:Identities:skewed:TokenLifetimeSeconds"] = "-600",
            ["StandIn:Identities:skewed:StatedLifetimeSeconds"] = "3600",
        });

        [OneTimeTearDown]
        public async Task StopAsync() => await _host.DisposeAsync();

        private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string query, string? header = Header)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/msi/token?" + query);
            if (header != null)
            {
                request.Headers.Add("X-IDENTITY-HEADER", header);
            }
            using var response = await _host.Http.SendAsync(request);
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        [Test]
        public async Task IssuesAnAppServiceStyleTokenForAClientId()
        {
            var (status, body) = await GetAsync($"api-version=2019-08-01&resource={Resource}&client_id=11111111-1111-1111-1111-111111111111");
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("token_type").GetString(), Is.EqualTo("Bearer"));
            Assert.That(body.GetProperty("resource").GetString(), Is.EqualTo(Resource));
            Assert.That(body.GetProperty("client_id").GetString(), Is.EqualTo("11111111-1111-1111-1111-111111111111"));
            // App Service writes expires_on as Unix seconds in a string.
            var expiresOn = long.Parse(body.GetProperty("expires_on").GetString()!);
            Assert.That(expiresOn - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Is.InRange(3590, 3610));

            var claims = Jwt.Payload(body.GetProperty("access_token").GetString()!);
            Assert.That(claims.GetProperty("aud").GetString(), Is.EqualTo(Resource));
            Assert.That(claims.GetProperty("oid").GetString(), Is.EqualTo("22222222-2222-2222-2222-222222222222"));
            Assert.That(claims.GetProperty("appid").GetString(), Is.EqualTo("11111111-1111-1111-1111-111111111111"));
            Assert.That(claims.GetProperty("xms_mirid").GetString(), Does.EndWith("/userAssignedIdentities/user"));
        }

        [Test]
        public async Task FindsIdentitiesByResourceIdPrincipalIdOrTheSystemAssignedOne()
        {
            var (_, byResource) = await GetAsync($"api-version=2019-08-01&resource={Resource}&mi_res_id=/subscriptions/s/resourcegroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/user");
            Assert.That(Jwt.Payload(byResource.GetProperty("access_token").GetString()!).GetProperty("oid").GetString(), Is.EqualTo("22222222-2222-2222-2222-222222222222"));
            var (_, byPrincipal) = await GetAsync($"api-version=2019-08-01&resource={Resource}&principal_id=22222222-2222-2222-2222-222222222222");
            Assert.That(Jwt.Payload(byPrincipal.GetProperty("access_token").GetString()!).GetProperty("oid").GetString(), Is.EqualTo("22222222-2222-2222-2222-222222222222"));
            var (_, system) = await GetAsync($"api-version=2019-08-01&resource={Resource}");
            Assert.That(Jwt.Payload(system.GetProperty("access_token").GetString()!).GetProperty("oid").GetString(), Is.EqualTo("33333333-3333-3333-3333-333333333333"));
        }

        [Test]
        public async Task RefusesWrongHeaderApiVersionResourceOrIdentity()
        {
            var ok = $"api-version=2019-08-01&resource={Resource}";
            Assert.That((await GetAsync(ok, header: null)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await GetAsync(ok, header: "wrong")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await GetAsync($"api-version=2017-09-01&resource={Resource}")).Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await GetAsync("api-version=2019-08-01&resource=https://vault.azure.net")).Status, Is.EqualTo(HttpStatusCode.BadRequest));
            var (status, body) = await GetAsync(ok + "&client_id=nobody");
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.GetProperty("message").GetString(), Does.Contain("nobody"));
        }

        [Test]
        public async Task TheStatedLifetimeCanDifferFromTheToken()
        {
            var (_, body) = await GetAsync($"api-version=2019-08-01&resource={Resource}&client_id=skewed");
            long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            Assert.That(long.Parse(body.GetProperty("expires_on").GetString()!) - now, Is.InRange(3590, 3610));
            Assert.That(Jwt.Payload(body.GetProperty("access_token").GetString()!).GetProperty("exp").GetInt64() - now, Is.InRange(-610, -590));
        }

        [Test]
        public async Task AnIdentityCanBeMadeToFailAndEveryRequestIsCounted()
        {
            var ledger = _host.Services.GetRequiredService<TokenRequestLedger>();
            int before = ledger.RequestsFor("broken");
            var (status, body) = await GetAsync($"api-version=2019-08-01&resource={Resource}&client_id=broken");
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(body.GetProperty("statusCode").GetInt32(), Is.EqualTo(500));
            Assert.That(ledger.RequestsFor("broken"), Is.EqualTo(before + 1));
        }
    }
}
