using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Service;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Service
{
    /// <summary>End-to-end over real HTTP (HttpListener on 127.0.0.1) with Azure.Core's default HttpClient transport.</summary>
    public class ServiceClientHttpTests
    {
        private const string Key = "http-test-access-key-0123456789abcdef";
        private LocalHttpServer _server = null!;

        [SetUp]
        public void SetUp() => _server = new LocalHttpServer();

        [TearDown]
        public void TearDown() => _server.Dispose();

        private WebPubSubServiceClient Client(string hub = "hub")
        {
            var options = new WebPubSubServiceClientOptions();
            // Tiny back-off so retry tests are fast; Retry-After still decides when the server sends it.
            options.Retry.Delay = TimeSpan.FromMilliseconds(1);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
            var access = ConnectionStringParser.Parse($"Endpoint=http://127.0.0.1;Port={_server.BaseUri.Port};AccessKey={Key}");
            return new WebPubSubServiceClient(access, hub, options);
        }

        private void AssertSigned(RecordedRequest request)
            => Jwt.Validate(Jwt.FromBearer(request.Header("Authorization")), Key, request.Url);

        [Test]
        public async Task SendToGroupOverTheWire()
        {
            await Client().SendToGroupAsync("room 1", BinaryData.FromString("héllo"), WebPubSubContentTypes.Text, new[] { "c1", "c2" });
            RecordedRequest request = _server.Requests.Single();
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Url, Is.EqualTo(_server.BaseUri.AbsoluteUri + "api/hubs/hub/groups/room%201/:send?api-version=2024-12-01&excluded=c1&excluded=c2"));
            Assert.That(request.Header("Content-Type"), Is.EqualTo("text/plain"));
            Assert.That(Encoding.UTF8.GetString(request.Body), Is.EqualTo("héllo"));
            // aud must be byte-identical to the request target the server received.
            Jwt.AssertValid(Jwt.FromBearer(request.Header("Authorization")), Key, request.Url, TimeSpan.FromMinutes(5));
            AssertSigned(request);
        }

        [Test]
        public async Task RepeatedSendsToOneUrlReuseItsTokenAndOtherUrlsGetTheirOwn()
        {
            var client = Client();
            await client.SendToAllAsync(BinaryData.FromString("1"), WebPubSubContentTypes.Text);
            await client.SendToAllAsync(BinaryData.FromString("2"), WebPubSubContentTypes.Text);
            await client.SendToGroupAsync("g", BinaryData.FromString("3"), WebPubSubContentTypes.Text);

            RecordedRequest[] requests = _server.Requests.ToArray();
            Assert.That(requests, Has.Length.EqualTo(3));
            foreach (RecordedRequest request in requests)
            {
                AssertSigned(request);
            }
            Assert.That(requests[1].Header("Authorization"), Is.EqualTo(requests[0].Header("Authorization")));
            Assert.That(requests[2].Header("Authorization"), Is.Not.EqualTo(requests[0].Header("Authorization")));
        }

        [Test]
        public async Task AReusedUrlStillTakesEachCallsOwnQuery()
        {
            var client = Client();
            await client.SendToAllAsync(BinaryData.FromString("1"), WebPubSubContentTypes.Text);
            await client.SendToAllAsync(BinaryData.FromString("2"), WebPubSubContentTypes.Text, excluded: new[] { "c 1" }, messageTtlSeconds: 5);
            await client.SendToAllAsync(BinaryData.FromString("3"), WebPubSubContentTypes.Text);
            await client.SendToGroupAsync("a/b", BinaryData.FromString("4"), WebPubSubContentTypes.Text);
            await client.SendToGroupAsync("a/b", BinaryData.FromString("5"), WebPubSubContentTypes.Text, filter: "userId eq 'u'");

            string hub = _server.BaseUri.AbsoluteUri + "api/hubs/hub";
            Assert.That(_server.Requests.Select(r => r.Url), Is.EqualTo(new[]
            {
                hub + "/:send?api-version=2024-12-01",
                hub + "/:send?api-version=2024-12-01&excluded=c%201&messageTtlSeconds=5",
                hub + "/:send?api-version=2024-12-01",
                hub + "/groups/a%2Fb/:send?api-version=2024-12-01",
                hub + "/groups/a%2Fb/:send?api-version=2024-12-01&filter=userId%20eq%20%27u%27",
            }));
            foreach (RecordedRequest request in _server.Requests)
            {
                AssertSigned(request);
            }
            Assert.That(client.CachedHubUriCount, Is.EqualTo(2), "one URL per path, whatever the query");
        }

        [Test]
        public async Task ManyDistinctPathsDoNotGrowTheUrlCacheWithoutBound()
        {
            _server.Handler = (_, r) => { r.StatusCode = 200; return Task.CompletedTask; };
            var client = Client();
            for (int i = 0; i < WebPubSubServiceClient.MaxCachedHubUris + 20; i++)
            {
                await client.AddConnectionToGroupAsync("g", "connection-" + i);
                Assert.That(client.CachedHubUriCount, Is.LessThanOrEqualTo(WebPubSubServiceClient.MaxCachedHubUris));
            }
            Assert.That(_server.Requests.Last().Url, Does.EndWith("/api/hubs/hub/groups/g/connections/connection-" + (WebPubSubServiceClient.MaxCachedHubUris + 19) + "?api-version=2024-12-01"));
        }

        [Test]
        public async Task SlashInGroupStaysEncodedOnTheWire()
        {
            _server.Handler = (_, r) => { r.StatusCode = 404; return Task.CompletedTask; };
            Assert.That(await Client().GroupExistsAsync("a/b"), Is.False);
            RecordedRequest request = _server.Requests.Single();
            Assert.That(request.Method, Is.EqualTo("HEAD"));
            Assert.That(request.Url, Does.Contain("/api/hubs/hub/groups/a%2Fb?api-version=2024-12-01"));
            AssertSigned(request);
        }

        [Test]
        public async Task HeadOkIsTrue()
        {
            Assert.That(await Client().ConnectionExistsAsync("c1"), Is.True);
        }

        [Test]
        public async Task FilteredAddToGroupsSendsJson()
        {
            await Client().AddConnectionsToGroupsAsync(new[] { "g1" }, "userId eq 'u1'");
            RecordedRequest request = _server.Requests.Single();
            Assert.That(request.Header("Content-Type"), Is.EqualTo("application/json"));
            Assert.That(Encoding.UTF8.GetString(request.Body), Is.EqualTo("{\"groups\":[\"g1\"],\"filter\":\"userId eq 'u1'\"}"));
            AssertSigned(request);
        }

        [Test]
        public async Task CloseWithReasonAndPermissionsOverTheWire()
        {
            WebPubSubServiceClient client = Client();
            await client.CloseConnectionAsync("c 1", "going away");
            await client.GrantPermissionAsync(global::Azure.Messaging.WebPubSub.WebPubSubPermission.SendToGroup, "c1", "a&b");
            RecordedRequest[] requests = _server.Requests.ToArray();
            Assert.That(requests[0].Url, Does.EndWith("/api/hubs/hub/connections/c%201?api-version=2024-12-01&reason=going%20away"));
            Assert.That(requests[1].Url, Does.EndWith("/permissions/sendToGroup/connections/c1?api-version=2024-12-01&targetName=a%26b"));
            Assert.That(requests.Select(r => r.Method), Is.EqualTo(new[] { "DELETE", "PUT" }));
            AssertSigned(requests[0]);
            AssertSigned(requests[1]);
        }

        [Test]
        public async Task PagesOverTheWire()
        {
            _server.Handler = async (req, r) =>
            {
                r.ContentType = "application/json";
                string body = req.Url.Contains("continuationToken")
                    ? "{\"value\":[{\"connectionId\":\"c2\"}]}"
                    : "{\"value\":[{\"connectionId\":\"c1\",\"userId\":\"u1\"}],\"nextLink\":\"" + _server.BaseUri.AbsoluteUri + "api/hubs/hub/groups/g/connections?continuationToken=x&api-version=2024-12-01\"}";
                byte[] bytes = Encoding.UTF8.GetBytes(body);
                await r.OutputStream.WriteAsync(bytes);
            };
            var ids = new System.Collections.Generic.List<string>();
            await foreach (WebPubSubGroupMember m in Client().ListConnectionsInGroupAsync("g"))
            {
                ids.Add(m.ConnectionId);
            }

            Assert.That(ids, Is.EqualTo(new[] { "c1", "c2" }));
            Assert.That(_server.Requests, Has.Count.EqualTo(2));
            foreach (RecordedRequest request in _server.Requests)
            {
                AssertSigned(request);
            }
        }

        [TestCase("0")]
        [TestCase("1")]
        public async Task TooManyRequestsIsRetried(string retryAfter)
        {
            int calls = 0;
            _server.Handler = (_, r) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    r.StatusCode = 429;
                    r.AddHeader("Retry-After", retryAfter);
                }
                else
                {
                    r.StatusCode = 202;
                }

                return Task.CompletedTask;
            };

            var watch = Stopwatch.StartNew();
            await Client().SendToAllAsync(BinaryData.FromString("x"), WebPubSubContentTypes.Text);
            Assert.That(calls, Is.EqualTo(2));
            if (retryAfter == "1")
            {
                Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)), "Retry-After honoured");
            }

            // Each attempt is signed on its own (per-retry policy).
            RecordedRequest[] requests = _server.Requests.ToArray();
            Assert.That(requests.Select(r => r.Header("Authorization")).All(h => h != null), Is.True);
        }

        [Test]
        public void ServerErrorsAreRetriedThenSurface()
        {
            _server.Handler = (_, r) => { r.StatusCode = 503; return Task.CompletedTask; };
            var ex = Assert.ThrowsAsync<RequestFailedException>(() => Client().CloseAllConnectionsAsync());
            Assert.That(ex!.Status, Is.EqualTo(503));
            Assert.That(_server.Requests, Has.Count.EqualTo(4), "1 try + 3 default retries");
        }

        [Test]
        public void BadRequestSurfacesServiceErrorCodeAndMessage()
        {
            _server.Handler = async (_, r) =>
            {
                r.StatusCode = 400;
                r.ContentType = "application/json";
                await r.OutputStream.WriteAsync(Encoding.UTF8.GetBytes("{\"code\":\"Error.BadRequest\",\"message\":\"bad thing\",\"target\":\"Request\"}"));
            };
            var ex = Assert.ThrowsAsync<RequestFailedException>(() => Client().SendToAllAsync(BinaryData.FromString("x"), WebPubSubContentTypes.Text, filter: "bad ("));
            Assert.That(ex!.Status, Is.EqualTo(400));
            Assert.That(ex.ErrorCode, Is.EqualTo("Error.BadRequest"));
            Assert.That(ex.Message, Does.Contain("bad thing"));
            Assert.That(ex.Message, Does.Not.Contain(Key));
            Assert.That(_server.Requests, Has.Count.EqualTo(1), "400 is not retried");
        }

        [Test]
        public void UnauthorizedWithEmptyBodyStillThrows()
        {
            _server.Handler = (_, r) => { r.StatusCode = 401; return Task.CompletedTask; };
            var ex = Assert.ThrowsAsync<RequestFailedException>(() => Client().AddUserToGroupAsync("g", "u"));
            Assert.That(ex!.Status, Is.EqualTo(401));
        }

        [Test]
        public void PreCancelledTokenSendsNothing()
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            Assert.CatchAsync<OperationCanceledException>(() => Client().SendToUserAsync("u", BinaryData.FromString("x"), WebPubSubContentTypes.Text, cancellationToken: cts.Token));
            Assert.CatchAsync<OperationCanceledException>(() => Client().UserExistsAsync("u", cts.Token));
            Assert.That(_server.Requests, Is.Empty);
        }

        [Test]
        public void CancellationWhileServerDelaysStopsTheCall()
        {
            var release = new TaskCompletionSource();
            _server.Handler = async (_, r) => { await Task.WhenAny(release.Task, Task.Delay(10000)); r.StatusCode = 200; };
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var watch = Stopwatch.StartNew();
            Assert.CatchAsync<OperationCanceledException>(() => Client().RemoveUserFromAllGroupsAsync("u", cts.Token));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
            release.SetResult();
        }
    }
}
