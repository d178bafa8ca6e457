using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Azure.Messaging.WebPubSub;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests.Infrastructure;
using Microsoft.Azure.WebPubSub.Common;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Identity.Tests
{
    /// <summary>
    /// A function app on a managed identity (<c>serviceUri</c> + <c>credential</c> + <c>clientId</c>, Azure.Identity's
    /// own ManagedIdentityCredential) against the stand-in over HTTPS: negotiate through <c>:generateToken</c>, a real
    /// WebSocket client, every output action, and the trigger path with the service calling the functions.
    /// </summary>
    [TestFixture]
    [NonParallelizable]
    public class NegotiateAndOutputTests
    {
        private const string Identity = "app";
        private StandInServer _server = null!;
        private IdentityEnvironment _environment = null!;
        private IdentityJobHost _host = null!;
        private WebhookForwarder _webhook = null!;

        [OneTimeSetUp]
        public async Task StartAsync()
        {
            _server = await StandInServer.StartAsync(new Dictionary<string, IDictionary<string, string>> { [Identity] = new Dictionary<string, string>() });
            _environment = new IdentityEnvironment(_server.IdentityEndpoint, _server.IdentityHeader);
            _host = await IdentityJobHost.StartAsync(Settings.ManagedIdentity(_server, Identity), typeof(IdentityFunctions));
            _webhook = await WebhookForwarder.StartAsync(_server.WebhookPort, _host);
        }

        [OneTimeTearDown]
        public async Task StopAsync()
        {
            await _webhook.DisposeAsync();
            await _host.DisposeAsync();
            _environment.Dispose();
            await _server.DisposeAsync();
        }

        private async Task<WebPubSubConnection> NegotiateAsync(string userId)
        {
            await _host.CallAsync("IdentityFunctions.Negotiate", new { userId });
            Assert.That(_host.Recorder.Connections.TryDequeue(out var connection), Is.True);
            return connection!;
        }

        private async Task<TestClient> ConnectAsync(string userId) => await TestClient.ConnectAsync((await NegotiateAsync(userId)).Uri);

        [Test]
        public async Task NegotiateGetsAServiceIssuedTokenAndTheClientConnects()
        {
            var connection = await NegotiateAsync("alice");
            Assert.That(connection.BaseUri.ToString(), Is.EqualTo($"wss://127.0.0.1:{_server.HttpsPort}/client/hubs/{StandInServer.Hub}"));
            Assert.That(connection.Uri.Query, Does.StartWith("?access_token="));

            using var client = await TestClient.ConnectAsync(connection.Uri);
            Assert.That(client.ConnectionId, Is.Not.Empty);
            Assert.That(_host.Recorder.Events, Does.Contain("connect:alice"), "the stand-in's connect event passed the identity connection's validation");
            Assert.That(_server.TokenRequests(Identity), Is.EqualTo(1), "the user-assigned identity's token came from the identity endpoint");
        }

        [Test]
        public async Task AMessageGoesThroughTheTriggerAndBackThroughTheOutputBinding()
        {
            using var client = await ConnectAsync("bob");
            await client.SendEventAsync("message", "hi");
            var echo = await client.ReceiveAsync();
            Assert.That(echo.GetProperty("type").GetString(), Is.EqualTo("message"));
            Assert.That(echo.GetProperty("data").GetString(), Is.EqualTo("echo hi"));
        }

        private static IEnumerable<TestCaseData> Actions()
        {
            TestCaseData Case(string name, Func<string, WebPubSubAction> action) => new TestCaseData(action).SetName("OutputAction_" + name);
            yield return Case("SendToAll", c => WebPubSubAction.CreateSendToAllAction("all"));
            yield return Case("SendToConnection", c => WebPubSubAction.CreateSendToConnectionAction(c, "one"));
            yield return Case("SendToUser", c => WebPubSubAction.CreateSendToUserAction("carol", "user"));
            yield return Case("SendToGroup", c => WebPubSubAction.CreateSendToGroupAction("room", "group"));
            yield return Case("AddConnectionToGroup", c => WebPubSubAction.CreateAddConnectionToGroupAction(c, "g1"));
            yield return Case("RemoveConnectionFromGroup", c => WebPubSubAction.CreateRemoveConnectionFromGroupAction(c, "g1"));
            yield return Case("AddUserToGroup", c => WebPubSubAction.CreateAddUserToGroupAction("carol", "g2"));
            yield return Case("RemoveUserFromGroup", c => WebPubSubAction.CreateRemoveUserFromGroupAction("carol", "g2"));
            yield return Case("RemoveUserFromAllGroups", c => WebPubSubAction.CreateRemoveUserFromAllGroupsAction("nobody"));
            yield return Case("RemoveConnectionFromAllGroups", c => new RemoveConnectionFromAllGroupsAction { ConnectionId = c });
            yield return Case("AddConnectionsToGroups", c => new AddConnectionsToGroupsAction { Groups = { "g3" }, Filter = "userId eq 'carol'" });
            yield return Case("RemoveConnectionsFromGroups", c => new RemoveConnectionsFromGroupsAction { Groups = { "g3" } });
            yield return Case("GrantPermission", c => WebPubSubAction.CreateGrantPermissionAction(c, WebPubSubPermission.SendToGroup, "g1"));
            yield return Case("RevokePermission", c => WebPubSubAction.CreateRevokePermissionAction(c, WebPubSubPermission.SendToGroup, "g1"));
            yield return Case("CloseAllConnections", c => WebPubSubAction.CreateCloseAllConnectionsAction(new[] { c }, "bye"));
            yield return Case("CloseGroupConnections", c => WebPubSubAction.CreateCloseGroupConnectionsAction("empty-group", null, "bye"));
            yield return Case("CloseUserConnections", c => new CloseUserConnectionsAction { UserId = "nobody", Reason = "bye" });
            yield return Case("CloseClientConnection", c => WebPubSubAction.CreateCloseClientConnectionAction(c, "bye"));
        }

        [TestCaseSource(nameof(Actions))]
        public async Task EveryOutputActionIsAcceptedOverTheIdentityConnection(Func<string, WebPubSubAction> action)
        {
            using var client = await ConnectAsync("carol");
            _host.Recorder.PendingActions.Enqueue(action(client.ConnectionId));
            // The collector throws (FunctionInvocationException) on any non-success answer, e.g. 401/403.
            await _host.CallAsync("IdentityFunctions.Send");
        }

        [Test]
        public async Task OutputReachesTheClient()
        {
            using var client = await ConnectAsync("dave");
            _host.Recorder.PendingActions.Enqueue(WebPubSubAction.CreateSendToUserAction("dave", "to dave"));
            await _host.CallAsync("IdentityFunctions.Send");
            var message = await client.ReceiveAsync();
            Assert.That(message.GetProperty("from").GetString(), Is.EqualTo("server"));
            Assert.That(message.GetProperty("data").GetString(), Is.EqualTo("to dave"));
        }
    }
}
