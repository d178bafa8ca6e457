using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Azure.Messaging.WebPubSub;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    /// <summary>Every REST operation (#1-#25) against the in-memory transport: method, exact URL, headers, body, JWT.</summary>
    public class ServiceClientOperationsTests
    {
        private const string Key = "operations-test-access-key";
        private const string Hub = "https://svc.webpubsub.azure.com/api/hubs/hub";
        private const string V = "?api-version=2024-12-01";

        internal sealed record Operation(Func<WebPubSubServiceClient, Task> Call, string Method, string Url, string? ContentType = null, string? Body = null);

        private static IEnumerable<(string Name, Operation Op)> AllOperations()
        {
            byte[] binary = { 1, 2, 3, 255 };
            (string, Operation) Case(string name, Operation op) => (name, op);

            yield return Case("01_Health", new(c => c.CheckServiceHealthAsync(), "HEAD", "https://svc.webpubsub.azure.com/api/health" + V));
            yield return Case("02_SendToAll", new(
                c => c.SendToAllAsync(BinaryData.FromString("hello"), WebPubSubContentTypes.Text, new[] { "c1", "c2" }, "userId eq 'u1'", 10),
                "POST", Hub + "/:send" + V + "&excluded=c1&excluded=c2&filter=userId%20eq%20%27u1%27&messageTtlSeconds=10", "text/plain", "hello"));
            yield return Case("02_SendToAllMinimal", new(
                c => c.SendToAllAsync(BinaryData.FromString("{\"a\":1}"), WebPubSubContentTypes.Json),
                "POST", Hub + "/:send" + V, "application/json", "{\"a\":1}"));
            yield return Case("03_SendToConnection", new(
                c => c.SendToConnectionAsync("c 1", BinaryData.FromString("\"s\""), WebPubSubContentTypes.Json, 5),
                "POST", Hub + "/connections/c%201/:send" + V + "&messageTtlSeconds=5", "application/json", "\"s\""));
            yield return Case("04_SendToUser", new(
                c => c.SendToUserAsync("user/1", BinaryData.FromBytes(binary), WebPubSubContentTypes.Binary, "x", 0),
                "POST", Hub + "/users/user%2F1/:send" + V + "&filter=x&messageTtlSeconds=0", "application/octet-stream", Encoding.Latin1.GetString(binary)));
            yield return Case("05_SendToGroup", new(
                c => c.SendToGroupAsync("room 1", BinaryData.FromString("hi"), WebPubSubContentTypes.Text, new[] { "c1" }, "'g' in groups", 300),
                "POST", Hub + "/groups/room%201/:send" + V + "&excluded=c1&filter=%27g%27%20in%20groups&messageTtlSeconds=300", "text/plain", "hi"));
            yield return Case("06_ConnectionExists", new(c => c.ConnectionExistsAsync("c1"), "HEAD", Hub + "/connections/c1" + V));
            yield return Case("07_CloseConnection", new(c => c.CloseConnectionAsync("c1", "bye now"), "DELETE", Hub + "/connections/c1" + V + "&reason=bye%20now"));
            yield return Case("08_RemoveConnectionFromAllGroups", new(c => c.RemoveConnectionFromAllGroupsAsync("c1"), "DELETE", Hub + "/connections/c1/groups" + V));
            yield return Case("09_GroupExists", new(c => c.GroupExistsAsync("a/b"), "HEAD", Hub + "/groups/a%2Fb" + V));
            yield return Case("10_CloseGroupConnections", new(
                c => c.CloseGroupConnectionsAsync("a/b", new[] { "c1", "c2" }, "r"), "POST", Hub + "/groups/a%2Fb/:closeConnections" + V + "&excluded=c1&excluded=c2&reason=r"));
            yield return Case("11_ListConnectionsInGroup", new(
                async c => { await foreach (var _ in c.ListConnectionsInGroupAsync("room 1", 50, 100)) { } },
                "GET", Hub + "/groups/room%201/connections" + V + "&maxpagesize=50&top=100"));
            yield return Case("12_AddConnectionToGroup", new(c => c.AddConnectionToGroupAsync("room 1", "c1"), "PUT", Hub + "/groups/room%201/connections/c1" + V));
            yield return Case("13_RemoveConnectionFromGroup", new(c => c.RemoveConnectionFromGroupAsync("room 1", "c1"), "DELETE", Hub + "/groups/room%201/connections/c1" + V));
            yield return Case("14_UserExists", new(c => c.UserExistsAsync("u1"), "HEAD", Hub + "/users/u1" + V));
            yield return Case("15_CloseUserConnections", new(c => c.CloseUserConnectionsAsync("u1", new[] { "c1" }, "r"), "POST", Hub + "/users/u1/:closeConnections" + V + "&excluded=c1&reason=r"));
            yield return Case("16_AddUserToGroup", new(c => c.AddUserToGroupAsync("room 1", "u1"), "PUT", Hub + "/users/u1/groups/room%201" + V));
            yield return Case("17_RemoveUserFromGroup", new(c => c.RemoveUserFromGroupAsync("room 1", "u1"), "DELETE", Hub + "/users/u1/groups/room%201" + V));
            yield return Case("18_RemoveUserFromAllGroups", new(c => c.RemoveUserFromAllGroupsAsync("u1"), "DELETE", Hub + "/users/u1/groups" + V));
            yield return Case("19_CloseAllConnections", new(c => c.CloseAllConnectionsAsync(new[] { "c1" }, "r"), "POST", Hub + "/:closeConnections" + V + "&excluded=c1&reason=r"));
            yield return Case("20_GrantPermission", new(
                c => c.GrantPermissionAsync(WebPubSubPermission.SendToGroup, "c1", "room 1"), "PUT", Hub + "/permissions/sendToGroup/connections/c1" + V + "&targetName=room%201"));
            yield return Case("21_RevokePermission", new(
                c => c.RevokePermissionAsync(WebPubSubPermission.JoinLeaveGroup, "c1", "g"), "DELETE", Hub + "/permissions/joinLeaveGroup/connections/c1" + V + "&targetName=g"));
            yield return Case("22_CheckPermission", new(
                c => c.CheckPermissionAsync(WebPubSubPermission.JoinLeaveGroup, "c1", "g"), "HEAD", Hub + "/permissions/joinLeaveGroup/connections/c1" + V + "&targetName=g"));
            yield return Case("23_AddConnectionsToGroups", new(
                c => c.AddConnectionsToGroupsAsync(new[] { "g1", "g2" }, "userId eq 'u1'"), "POST", Hub + "/:addToGroups" + V,
                "application/json", "{\"groups\":[\"g1\",\"g2\"],\"filter\":\"userId eq 'u1'\"}"));
            yield return Case("24_RemoveConnectionsFromGroups", new(
                c => c.RemoveConnectionsFromGroupsAsync(new[] { "g1" }), "POST", Hub + "/:removeFromGroups" + V, "application/json", "{\"groups\":[\"g1\"]}"));
            yield return Case("25_GenerateClientToken", new(
                c => c.GenerateClientTokenAsync("u1", new[] { "r1", "r2" }, new[] { "g1", "g2" }, 30, WebPubSubClientProtocol.Mqtt),
                "POST", Hub + "/:generateToken" + V + "&userId=u1&role=r1&role=r2&minutesToExpire=30&group=g1&group=g2&clientType=mqtt"));
        }

        private static readonly Dictionary<string, Operation> ByName = AllOperations().ToDictionary(o => o.Name, o => o.Op);

        private static IEnumerable<string> OperationNames() => ByName.Keys;

        private static (WebPubSubServiceClient Client, MockTransport Transport) Create()
        {
            var transport = new MockTransport
            {
                // A body every operation can read: pages and :generateToken parse it, others ignore it.
                Responder = _ => new MockResponse(200, "{\"value\":[],\"token\":\"t\"}"),
            };
            var access = ConnectionStringParser.Parse($"Endpoint=https://svc.webpubsub.azure.com;AccessKey={Key}");
            return (new WebPubSubServiceClient(access, "hub", new WebPubSubServiceClientOptions { Transport = transport }), transport);
        }

        [TestCaseSource(nameof(OperationNames))]
        public async Task SendsExactRequest(string name)
        {
            Operation operation = ByName[name];
            var (client, transport) = Create();
            await operation.Call(client);

            RecordedRequest request = transport.Single;
            Assert.That(request.Method, Is.EqualTo(operation.Method));
            Assert.That(request.Url, Is.EqualTo(operation.Url));
            string token = Jwt.FromBearer(request.Header("Authorization"));
            Jwt.AssertValid(token, Key, request.Url, TimeSpan.FromMinutes(5));
            Assert.That(request.Header("Content-Type"), Is.EqualTo(operation.ContentType));
            if (operation.Body is null)
            {
                Assert.That(request.Body, Is.Empty);
            }
            else if (operation.ContentType == "application/octet-stream")
            {
                Assert.That(request.Body, Is.EqualTo(Encoding.Latin1.GetBytes(operation.Body)));
            }
            else
            {
                Assert.That(Encoding.UTF8.GetString(request.Body), Is.EqualTo(operation.Body));
            }
        }

        [Test]
        public void EveryOperationOfTheTableIsCovered()
            => Assert.That(ByName.Keys.Select(n => n.Substring(0, 2)).Distinct().Count(), Is.EqualTo(25));

        [TestCase(200, true)]
        [TestCase(204, true)]
        [TestCase(404, false)]
        public async Task ExistsMapsStatus(int status, bool expected)
        {
            var (client, transport) = Create();
            transport.Responder = _ => new MockResponse(status);
            Assert.That(await client.ConnectionExistsAsync("c"), Is.EqualTo(expected));
            Assert.That(await client.GroupExistsAsync("g"), Is.EqualTo(expected));
            Assert.That(await client.UserExistsAsync("u"), Is.EqualTo(expected));
            Assert.That(await client.CheckPermissionAsync(WebPubSubPermission.SendToGroup, "c", "g"), Is.EqualTo(expected));
        }

        [TestCase(200)]
        [TestCase(202)]
        [TestCase(204)]
        public void AnySuccessStatusIsSuccess(int status)
        {
            var (client, transport) = Create();
            transport.Responder = _ => new MockResponse(status);
            Assert.DoesNotThrowAsync(() => client.SendToAllAsync(BinaryData.FromString("x"), WebPubSubContentTypes.Text));
            Assert.DoesNotThrowAsync(() => client.AddConnectionToGroupAsync("g", "c"));
        }

        [Test]
        public void ErrorCodeFallsBackToHeader()
        {
            var (client, transport) = Create();
            transport.Responder = _ => new MockResponse(403).WithHeader("x-ms-error-code", "Forbidden.Rbac");
            var ex = Assert.ThrowsAsync<global::Azure.RequestFailedException>(() => client.CloseConnectionAsync("c"));
            Assert.That(ex!.Status, Is.EqualTo(403));
            Assert.That(ex.ErrorCode, Is.EqualTo("Forbidden.Rbac"));
        }

        [Test]
        public void ExistsStillThrowsOnOtherErrors()
        {
            var (client, transport) = Create();
            transport.Responder = _ => new MockResponse(401);
            var ex = Assert.ThrowsAsync<global::Azure.RequestFailedException>(() => client.UserExistsAsync("u"));
            Assert.That(ex!.Status, Is.EqualTo(401));
        }

        [Test]
        public async Task PagingFollowsNextLinkVerbatimAndResignsEachPage()
        {
            var (client, transport) = Create();
            const string next = "https://svc.webpubsub.azure.com/api/hubs/hub/groups/g/connections?top=1&maxpagesize=2&continuationToken=abc%3D&api-version=2024-12-01";
            transport.Responder = r => r.Url.Contains("continuationToken")
                ? new MockResponse(200, "{\"value\":[{\"connectionId\":\"c3\",\"userId\":\"u3\"}]}")
                : new MockResponse(200, "{\"value\":[{\"connectionId\":\"c1\",\"userId\":\"u1\"},{\"connectionId\":\"c2\",\"userId\":null}],\"nextLink\":\"" + next + "\"}");

            var members = new List<WebPubSubGroupMember>();
            await foreach (WebPubSubGroupMember member in client.ListConnectionsInGroupAsync("g"))
            {
                members.Add(member);
            }

            Assert.That(members.Select(m => m.ConnectionId), Is.EqualTo(new[] { "c1", "c2", "c3" }));
            Assert.That(members.Select(m => m.UserId), Is.EqualTo(new[] { "u1", null, "u3" }));
            RecordedRequest[] requests = transport.Requests.ToArray();
            Assert.That(requests, Has.Length.EqualTo(2));
            Assert.That(requests[1].Url, Is.EqualTo(next));
            foreach (RecordedRequest request in requests)
            {
                Jwt.AssertValid(Jwt.FromBearer(request.Header("Authorization")), Key, request.Url, TimeSpan.FromMinutes(5));
            }
        }

        [Test]
        public async Task PageSizeHintIsSentAsMaxPageSize()
        {
            var (client, transport) = Create();
            await foreach (var _ in client.ListConnectionsInGroupAsync("g").AsPages(pageSizeHint: 7))
            {
            }

            Assert.That(transport.Single.Url, Does.EndWith("&maxpagesize=7"));
        }

        [Test]
        public void NextLinkToAnotherHostIsNotFollowed()
        {
            var (client, transport) = Create();
            transport.Responder = _ => new MockResponse(200, "{\"value\":[],\"nextLink\":\"https://evil.example/steal\"}");
            Assert.ThrowsAsync<InvalidOperationException>(async () => { await foreach (var _ in client.ListConnectionsInGroupAsync("g")) { } });
            Assert.That(transport.Requests, Has.Count.EqualTo(1));
        }

        [Test]
        public async Task EndpointPathBaseIsKept()
        {
            var transport = new MockTransport();
            var client = new WebPubSubServiceClient(ConnectionStringParser.Parse($"Endpoint=http://localhost/base/;Port=8080;AccessKey={Key}"), "h", new WebPubSubServiceClientOptions { Transport = transport });
            await client.CloseConnectionAsync("c");
            Assert.That(transport.Single.Url, Is.EqualTo("http://localhost:8080/base/api/hubs/h/connections/c" + V));
        }

        [Test]
        public void InvalidArgumentsThrowBeforeSending()
        {
            var (client, transport) = Create();
            Assert.Throws<ArgumentNullException>(() => client.SendToGroupAsync(null!, BinaryData.FromString("x"), WebPubSubContentTypes.Text));
            Assert.Throws<ArgumentException>(() => client.AddUserToGroupAsync("", "u"));
            Assert.Throws<ArgumentNullException>(() => client.SendToAllAsync(null!, WebPubSubContentTypes.Text));
            Assert.Throws<ArgumentOutOfRangeException>(() => client.GrantPermissionAsync((WebPubSubPermission)9, "c", "g"));
            Assert.That(transport.Requests, Is.Empty);
        }

        [Test]
        public void PermissionPathValues()
        {
            Assert.That(WebPubSubServiceClient.PermissionPathValue(WebPubSubPermission.SendToGroup), Is.EqualTo("sendToGroup"));
            Assert.That(WebPubSubServiceClient.PermissionPathValue(WebPubSubPermission.JoinLeaveGroup), Is.EqualTo("joinLeaveGroup"));
        }
    }
}
