using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Azure.Messaging.WebPubSub;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Indexers;
using Microsoft.Azure.WebPubSub.Common;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Output
{
    public static class OutputFunctions
    {
        public static Func<IEnumerable<WebPubSubAction>> Actions = () => Array.Empty<WebPubSubAction>();

        [NoAutomaticTrigger]
        public static async Task Send([WebPubSub(Hub = "chat")] IAsyncCollector<WebPubSubAction> actions)
        {
            foreach (var action in Actions())
            {
                await actions.AddAsync(action);
            }
        }

        [NoAutomaticTrigger]
        [return: WebPubSub(Hub = "chat")]
        public static WebPubSubAction Returned() => WebPubSubAction.CreateSendToUserAction("u1", "hi");

        [NoAutomaticTrigger]
        public static async Task Script([WebPubSub(Hub = "chat")] IAsyncCollector<JObject> actions, string json)
        {
            await actions.AddAsync(JObject.Parse(json));
        }
    }

    public static class MissingHubFunctions
    {
        [NoAutomaticTrigger]
        public static void Send([WebPubSub] IAsyncCollector<WebPubSubAction> actions)
        {
        }
    }

    /// <summary>Output actions against a local HTTP listener: the exact REST call for each action type.</summary>
    public class OutputBindingTests
    {
        private const string Key = "output-test-key";
        private LocalHttpServer _server = null!;
        private WebPubSubTestHost _host = null!;

        [OneTimeSetUp]
        public async Task Start()
        {
            _server = new LocalHttpServer();
            _host = await WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = $"Endpoint=http://{_server.BaseUri.Host};Port={_server.BaseUri.Port};AccessKey={Key};Version=1.0;" },
                null,
                typeof(OutputFunctions));
        }

        [OneTimeTearDown]
        public async Task Stop()
        {
            await _host.DisposeAsync();
            _server.Dispose();
        }

        [SetUp]
        public void Clear()
        {
            while (_server.Requests.TryDequeue(out _))
            {
            }
            _server.Handler = (_, r) => { r.StatusCode = 202; return Task.CompletedTask; };
        }

        private async Task<RecordedRequest[]> RunAsync(params WebPubSubAction[] actions)
        {
            OutputFunctions.Actions = () => actions;
            await _host.CallAsync("OutputFunctions.Send");
            return _server.Requests.ToArray();
        }

        private static string PathAndQuery(RecordedRequest request) => new Uri(request.Url).PathAndQuery;

        private static IEnumerable<TestCaseData> ActionCases()
        {
            yield return new TestCaseData(WebPubSubAction.CreateSendToAllAction("hi", WebPubSubDataType.Text, new[] { "c1", "c2" }), "POST", "/api/hubs/chat/:send?api-version=2024-12-01&excluded=c1&excluded=c2").SetName("SendToAll");
            yield return new TestCaseData(WebPubSubAction.CreateSendToConnectionAction("c 1", "hi"), "POST", "/api/hubs/chat/connections/c%201/:send?api-version=2024-12-01").SetName("SendToConnection");
            yield return new TestCaseData(WebPubSubAction.CreateSendToUserAction("u1", "hi"), "POST", "/api/hubs/chat/users/u1/:send?api-version=2024-12-01").SetName("SendToUser");
            yield return new TestCaseData(WebPubSubAction.CreateSendToGroupAction("g1", "hi", WebPubSubDataType.Text, new[] { "c1" }), "POST", "/api/hubs/chat/groups/g1/:send?api-version=2024-12-01&excluded=c1").SetName("SendToGroup");
            yield return new TestCaseData(WebPubSubAction.CreateAddConnectionToGroupAction("c1", "g1"), "PUT", "/api/hubs/chat/groups/g1/connections/c1?api-version=2024-12-01").SetName("AddConnectionToGroup");
            yield return new TestCaseData(WebPubSubAction.CreateRemoveConnectionFromGroupAction("c1", "g1"), "DELETE", "/api/hubs/chat/groups/g1/connections/c1?api-version=2024-12-01").SetName("RemoveConnectionFromGroup");
            yield return new TestCaseData(WebPubSubAction.CreateAddUserToGroupAction("u1", "g1"), "PUT", "/api/hubs/chat/users/u1/groups/g1?api-version=2024-12-01").SetName("AddUserToGroup");
            yield return new TestCaseData(WebPubSubAction.CreateRemoveUserFromGroupAction("u1", "g1"), "DELETE", "/api/hubs/chat/users/u1/groups/g1?api-version=2024-12-01").SetName("RemoveUserFromGroup");
            yield return new TestCaseData(WebPubSubAction.CreateRemoveUserFromAllGroupsAction("u1"), "DELETE", "/api/hubs/chat/users/u1/groups?api-version=2024-12-01").SetName("RemoveUserFromAllGroups");
            yield return new TestCaseData(WebPubSubAction.CreateCloseAllConnectionsAction(new[] { "c1" }, "bye"), "POST", "/api/hubs/chat/:closeConnections?api-version=2024-12-01&excluded=c1&reason=bye").SetName("CloseAllConnections");
            yield return new TestCaseData(WebPubSubAction.CreateCloseClientConnectionAction("c1", "bye"), "DELETE", "/api/hubs/chat/connections/c1?api-version=2024-12-01&reason=bye").SetName("CloseClientConnection");
            yield return new TestCaseData(WebPubSubAction.CreateCloseGroupConnectionsAction("g1", new[] { "c1" }, "bye"), "POST", "/api/hubs/chat/groups/g1/:closeConnections?api-version=2024-12-01&excluded=c1&reason=bye").SetName("CloseGroupConnections");
            yield return new TestCaseData(WebPubSubAction.CreateGrantPermissionAction("c1", WebPubSubPermission.SendToGroup, "g1"), "PUT", "/api/hubs/chat/permissions/sendToGroup/connections/c1?api-version=2024-12-01&targetName=g1").SetName("GrantPermission");
            yield return new TestCaseData(WebPubSubAction.CreateRevokePermissionAction("c1", WebPubSubPermission.JoinLeaveGroup, "g1"), "DELETE", "/api/hubs/chat/permissions/joinLeaveGroup/connections/c1?api-version=2024-12-01&targetName=g1").SetName("RevokePermission");
            yield return new TestCaseData(new CloseUserConnectionsAction { UserId = "u1", Reason = "bye" }, "POST", "/api/hubs/chat/users/u1/:closeConnections?api-version=2024-12-01&reason=bye").SetName("CloseUserConnections");
            yield return new TestCaseData(new RemoveConnectionFromAllGroupsAction { ConnectionId = "c1" }, "DELETE", "/api/hubs/chat/connections/c1/groups?api-version=2024-12-01").SetName("RemoveConnectionFromAllGroups");
            yield return new TestCaseData(new AddConnectionsToGroupsAction { Groups = { "g1" }, Filter = "userId eq 'u1'" }, "POST", "/api/hubs/chat/:addToGroups?api-version=2024-12-01").SetName("AddConnectionsToGroups");
            yield return new TestCaseData(new RemoveConnectionsFromGroupsAction { Groups = { "g1" } }, "POST", "/api/hubs/chat/:removeFromGroups?api-version=2024-12-01").SetName("RemoveConnectionsFromGroups");
            yield return new TestCaseData(new SendToAllAction { Data = BinaryData.FromString("{}"), DataType = WebPubSubDataType.Json, Filter = "userId eq 'a'", MessageTtlSeconds = 30 }, "POST", "/api/hubs/chat/:send?api-version=2024-12-01&filter=userId%20eq%20%27a%27&messageTtlSeconds=30").SetName("SendToAllWithFilterAndTtl");
        }

        [TestCaseSource(nameof(ActionCases))]
        public async Task EachActionIsItsRestCall(WebPubSubAction action, string method, string pathAndQuery)
        {
            var request = (await RunAsync(action)).Single();
            Assert.That(request.Method, Is.EqualTo(method));
            Assert.That(PathAndQuery(request), Is.EqualTo(pathAndQuery));
            Assert.That(request.Header("Authorization"), Does.StartWith("Bearer "));
        }

        [TestCase(WebPubSubDataType.Text, "text/plain")]
        [TestCase(WebPubSubDataType.Json, "application/json")]
        [TestCase(WebPubSubDataType.Binary, "application/octet-stream")]
        public async Task SendBodiesCarryTheirContentType(WebPubSubDataType dataType, string contentType)
        {
            var request = (await RunAsync(WebPubSubAction.CreateSendToAllAction(BinaryData.FromString("\"x\""), dataType))).Single();
            Assert.That(request.Header("Content-Type"), Does.StartWith(contentType));
            Assert.That(Encoding.UTF8.GetString(request.Body), Is.EqualTo("\"x\""));
        }

        [Test]
        public async Task FilteredGroupOperationsSendTheirJsonBody()
        {
            var request = (await RunAsync(new AddConnectionsToGroupsAction { Groups = { "g1", "g2" }, Filter = "userId eq 'u1'" })).Single();
            using var json = System.Text.Json.JsonDocument.Parse(request.Body);
            Assert.That(json.RootElement.GetProperty("groups").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "g1", "g2" }));
            Assert.That(json.RootElement.GetProperty("filter").GetString(), Is.EqualTo("userId eq 'u1'"));
        }

        [Test]
        public async Task ActionsRunInTheOrderAdded()
        {
            var requests = await RunAsync(
                WebPubSubAction.CreateAddUserToGroupAction("u1", "g1"),
                WebPubSubAction.CreateSendToGroupAction("g1", "hi"),
                WebPubSubAction.CreateRemoveUserFromGroupAction("u1", "g1"));
            Assert.That(requests.Select(r => r.Method), Is.EqualTo(new[] { "PUT", "POST", "DELETE" }));
        }

        [Test]
        public void AFailedCallFailsTheInvocationWithTheServiceMessage()
        {
            _server.Handler = async (_, r) =>
            {
                r.StatusCode = 400;
                r.ContentType = "application/json";
                var body = Encoding.UTF8.GetBytes("{\"code\":\"Error.BadRequest\",\"message\":\"group name is invalid\"}");
                await r.OutputStream.WriteAsync(body);
            };
            var error = Assert.ThrowsAsync<FunctionInvocationException>(() => RunAsync(WebPubSubAction.CreateSendToGroupAction("g1", "hi")));
            Assert.That(error!.InnerException!.Message, Does.Contain("group name is invalid"));
            Assert.That(error.InnerException.Message, Does.Not.Contain(Key));
        }

        [Test]
        public async Task ReturnValueActionsAreSent()
        {
            await _host.CallAsync("OutputFunctions.Returned");
            Assert.That(PathAndQuery(_server.Requests.Single()), Is.EqualTo("/api/hubs/chat/users/u1/:send?api-version=2024-12-01"));
        }

        [TestCase("{\"actionName\":\"sendToAll\",\"data\":\"hello\",\"dataType\":\"text\"}", "POST", "/api/hubs/chat/:send?api-version=2024-12-01", "hello")]
        [TestCase("{\"actionName\":\"SENDTOUSER\",\"userId\":\"u1\",\"data\":{\"type\":\"Buffer\",\"data\":[104,105]},\"dataType\":\"binary\"}", "POST", "/api/hubs/chat/users/u1/:send?api-version=2024-12-01", "hi")]
        [TestCase("{\"actionName\":\"grantPermission\",\"connectionId\":\"c1\",\"permission\":\"joinLeaveGroup\",\"targetName\":\"g\"}", "PUT", "/api/hubs/chat/permissions/joinLeaveGroup/connections/c1?api-version=2024-12-01&targetName=g", "")]
        [TestCase("{\"actionName\":\"closeUserConnections\",\"userId\":\"u1\"}", "POST", "/api/hubs/chat/users/u1/:closeConnections?api-version=2024-12-01", "")]
        public async Task ScriptActionsBecomeRestCalls(string json, string method, string pathAndQuery, string body)
        {
            await _host.CallAsync("OutputFunctions.Script", new { json });
            var request = _server.Requests.Single();
            Assert.That(request.Method, Is.EqualTo(method));
            Assert.That(PathAndQuery(request), Is.EqualTo(pathAndQuery));
            Assert.That(Encoding.UTF8.GetString(request.Body), Is.EqualTo(body));
        }

        [Test]
        public void ScriptActionArraysConvertInOrder()
        {
            var json = JArray.Parse("[{\"actionName\":\"addUserToGroup\",\"userId\":\"u1\",\"group\":\"g\"},{\"actionName\":\"sendToGroup\",\"group\":\"g\",\"data\":\"hi\"}]");
            var actions = Microsoft.Azure.WebJobs.Extensions.WebPubSub.Output.ActionJson.ToActions(json);
            Assert.That(actions[0], Is.InstanceOf<AddUserToGroupAction>());
            Assert.That(((SendToGroupAction)actions[1]).Data.ToString(), Is.EqualTo("hi"));
            Assert.That(((SendToGroupAction)actions[1]).DataType, Is.EqualTo(WebPubSubDataType.Text));
        }

        [Test]
        public void CancellationStopsAnAction()
        {
            _server.Handler = async (_, r) => { await Task.Delay(TimeSpan.FromSeconds(30)); r.StatusCode = 202; };
            var access = Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service.ConnectionStringParser.Parse(
                $"Endpoint=http://{_server.BaseUri.Host};Port={_server.BaseUri.Port};AccessKey={Key};Version=1.0;");
            var collector = new Microsoft.Azure.WebJobs.Extensions.WebPubSub.Output.WebPubSubAsyncCollector(
                new Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service.WebPubSubServiceClient(access, "chat"));
            using var cancellation = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var started = DateTime.UtcNow;
            Assert.CatchAsync<OperationCanceledException>(() => collector.AddAsync(WebPubSubAction.CreateSendToAllAction("x"), cancellation.Token));
            Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(10)));
        }

        [TestCase("{\"actionName\":\"unknown\"}", "Not supported WebPubSubOperation: unknown.")]
        [TestCase("{\"actionName\":\"sendToAll\",\"data\":\"x\",\"dataType\":\"binary\"}", "ArrayBuffer")]
        [TestCase("{\"actionName\":\"sendToAll\",\"data\":5}", "stringify")]
        public void InvalidScriptActionsFailClearly(string json, string message)
        {
            var error = Assert.ThrowsAsync<FunctionInvocationException>(() => _host.CallAsync("OutputFunctions.Script", new { json }));
            Assert.That(AllMessages(error!), Does.Contain(message));
            Assert.That(_server.Requests, Is.Empty);
        }

        [Test]
        public void MissingHubFailsIndexing()
        {
            var error = Assert.ThrowsAsync<FunctionIndexingException>(() => WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = CloudEventRequests.ConnectionString }, null, typeof(MissingHubFunctions)));
            Assert.That(AllMessages(error!), Does.Contain("hub"));
        }

        [Test]
        public void MissingConnectionFailsIndexing()
        {
            var error = Assert.ThrowsAsync<FunctionIndexingException>(() => WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubHub"] = "chat" }, null, typeof(MissingHubFunctions)));
            Assert.That(AllMessages(error!), Does.Contain("WebPubSubConnectionString"));
        }

        private static string AllMessages(Exception error) =>
            error.InnerException == null ? error.Message : error.Message + " | " + AllMessages(error.InnerException);
    }
}
