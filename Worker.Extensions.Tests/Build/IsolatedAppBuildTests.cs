using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.Tests.Build
{
    /// <summary>
    /// Packs both packages into a folder feed and builds <c>Assets/IsolatedApp</c> (every attribute form) with
    /// Microsoft.Azure.Functions.Worker.Sdk from it, then checks what the Functions host reads: functions.metadata,
    /// extensions.json and the host-side extension the SDK installed in .azurefunctions/. Builds samples/Chat.Isolated
    /// from the same feed (it is not in the solution: it references the packed packages, as a user's app does).
    /// </summary>
    [TestFixture]
    [Category("IsolatedApp")]
    [NonParallelizable]
    public class IsolatedAppBuildTests
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

        private PackedPackages _packages = null!;
        private string _output = null!;
        private string _chatOutput = null!;
        private JArray _metadata = null!;

        [OneTimeSetUp]
        public void PackAndBuild()
        {
            var stopwatch = Stopwatch.StartNew();
            _packages = PackedPackages.Create();
            _output = Path.Combine(Path.GetTempPath(), "webpubsub-isolated-" + Guid.NewGuid().ToString("N"));
            _packages.BuildApp(Path.Combine(Dotnet.RepositoryRoot(), "Worker.Extensions.Tests", "Assets", "IsolatedApp", "IsolatedApp.csproj"), _output, BuildTimeout);
            _metadata = JArray.Parse(File.ReadAllText(Path.Combine(_output, "functions.metadata")));
            _chatOutput = _output + "-chat";
            _packages.BuildApp(Path.Combine(Dotnet.RepositoryRoot(), "samples", "Chat.Isolated", "Chat.Isolated.csproj"), _chatOutput, BuildTimeout);
            TestContext.Progress.WriteLine($"Isolated apps: packed and built in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        }

        [OneTimeTearDown]
        public void CleanUp()
        {
            _packages?.Dispose();
            foreach (var output in new[] { _output, _chatOutput })
            {
                if (output != null && Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }
            }
        }

        [Test]
        public void Trigger_HubEventTypeAndName()
        {
            AssertBinding("connect", "request", "In", "webPubSubTrigger", new JObject { ["hub"] = "hub1", ["eventType"] = "System", ["eventName"] = "connect" });
            AssertBinding("joined", "request", "In", "webPubSubTrigger", new JObject { ["hub"] = "hub1", ["eventType"] = "GroupPresence", ["eventName"] = "joined" });
        }

        [Test]
        public void Trigger_ConnectionsFromParamsConstructor()
        {
            AssertBinding("message", "request", "In", "webPubSubTrigger",
                new JObject { ["hub"] = "hub1", ["eventType"] = "User", ["eventName"] = "message", ["connections"] = new JArray("WebPubSubConnectionString", "AltConn") });
        }

        [Test]
        public void Trigger_WithoutHub_AndClientProtocols()
        {
            var binding = AssertBinding("mqttConnect", "request", "In", "webPubSubTrigger", new JObject { ["eventType"] = "System", ["eventName"] = "connect", ["clientProtocols"] = "Mqtt" });
            Assert.That(binding.ContainsKey("hub"), Is.False, "no hub: the host's default");
        }

        [Test]
        public void Trigger_StringParameter_AsksTheHostForAString()
        {
            AssertBinding("disconnectedRaw", "request", "In", "webPubSubTrigger", new JObject { ["dataType"] = "String", ["eventName"] = "disconnected" });
        }

        [Test]
        public void Output_OnTheReturnValue()
        {
            AssertBinding("message", "$return", "Out", "webPubSub", new JObject { ["hub"] = "hub1" });
        }

        [Test]
        public void Output_OnAMultiOutputProperty()
        {
            AssertBinding("broadcast", "Action", "Out", "webPubSub", new JObject { ["hub"] = "hub1", ["connection"] = "AltConn" });
        }

        [Test]
        public void ConnectionInput_HubAndUser()
        {
            var binding = AssertBinding("negotiate", "connection", "In", "webPubSubConnection", new JObject { ["hub"] = "hub1", ["userId"] = "{query.userid}" });
            Assert.That(binding.ContainsKey("dataType"), Is.False, "a model parameter binds as JSON");
        }

        [Test]
        public void ConnectionInput_AsString_AsksTheHostForText()
        {
            // The host-side extension converts the connection to its JSON text for string parameters.
            AssertBinding("negotiateText", "connection", "In", "webPubSubConnection", new JObject { ["dataType"] = "String", ["hub"] = "hub1" });
        }

        [Test]
        public void ConnectionInput_EveryOption()
        {
            AssertBinding("negotiateFull", "connection", "In", "webPubSubConnection", new JObject
            {
                ["hub"] = "hub1",
                ["userId"] = "{query.userid}",
                ["connection"] = "AltConn",
                ["roles"] = new JArray("webpubsub.joinLeaveGroup.lobby", "webpubsub.sendToGroup.lobby"),
                ["groups"] = new JArray("lobby"),
                ["expiresAfterMinutes"] = 5,
                ["clientProtocol"] = "Mqtt",
            });
        }

        [Test]
        public void ContextInput_AllForms()
        {
            var plain = AssertBinding("validate", "context", "In", "webPubSubContext", new JObject());
            Assert.That(plain.ContainsKey("connections"), Is.False);
            AssertBinding("validateParams", "context", "In", "webPubSubContext", new JObject { ["connections"] = new JArray("WebPubSubConnectionString", "AltConn") });
            AssertBinding("validateNamed", "context", "In", "webPubSubContext", new JObject { ["connections"] = new JArray("AltConn") });
        }

        [Test]
        public void ExtensionsJson_LoadsThisRepositorysStartup()
        {
            var extensions = JObject.Parse(File.ReadAllText(Path.Combine(_output, "extensions.json")))["extensions"]!;
            var webPubSub = extensions.Single(e => e.Value<string>("name") == "WebPubSub");

            Assert.That(webPubSub.Value<string>("typeName"), Does.StartWith("Microsoft.Azure.WebJobs.Extensions.WebPubSub.WebPubSubWebJobsStartup, Microsoft.Azure.WebJobs.Extensions.WebPubSub, Version=1.10.3.0,"));
            Assert.That(webPubSub.Value<string>("hintPath"), Is.EqualTo("./.azurefunctions/Microsoft.Azure.WebJobs.Extensions.WebPubSub.dll"));
        }

        [Test]
        public void AzureFunctionsFolder_HoldsTheHostSideExtensionOfThisBuild()
        {
            var installed = Path.Combine(_output, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.WebPubSub.dll");
            var built = typeof(Microsoft.Azure.WebJobs.Extensions.WebPubSub.WebPubSubAttribute).Assembly;

            Assert.That(installed, Does.Exist);
            Assert.That(FileVersionInfo.GetVersionInfo(installed).ProductVersion, Is.EqualTo(built.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion));
            Assert.That(Hash(installed), Is.EqualTo(Hash(built.Location)), "the very assembly this repository built");
        }

        [Test]
        public void AppOutput_HasTheWorkerPackage()
        {
            Assert.That(Path.Combine(_output, "Microsoft.Azure.Functions.Worker.Extensions.WebPubSub.dll"), Does.Exist);
            Assert.That(JObject.Parse(File.ReadAllText(Path.Combine(_output, "worker.config.json")))["description"]!.Value<string>("language"), Is.EqualTo("dotnet-isolated"));
        }

        [Test]
        public void ChatIsolated_EveryFunctionOfTheChat()
        {
            var metadata = JArray.Parse(File.ReadAllText(Path.Combine(_chatOutput, "functions.metadata")));

            Assert.That(metadata.Select(f => f.Value<string>("name")), Is.EquivalentTo(new[] { "index", "negotiate", "connect", "connected", "message", "close-me", "disconnected" }));
            AssertBinding(metadata, "negotiate", "connection", "In", "webPubSubConnection",
                new JObject { ["hub"] = "%WebPubSubHub%", ["userId"] = "{query.userid}", ["roles"] = new JArray("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup") });
            AssertBinding(metadata, "connect", "request", "In", "webPubSubTrigger", new JObject { ["hub"] = "%WebPubSubHub%", ["eventType"] = "System", ["eventName"] = "connect" });
            AssertBinding(metadata, "message", "request", "In", "webPubSubTrigger", new JObject { ["eventType"] = "User", ["eventName"] = "message" });
            AssertBinding(metadata, "message", "$return", "Out", "webPubSub", new JObject { ["hub"] = "%WebPubSubHub%" });
            AssertBinding(metadata, "disconnected", "$return", "Out", "webPubSub", new JObject { ["hub"] = "%WebPubSubHub%" });
        }

        [Test]
        public void ChatIsolated_GetsThisBuildsHostSideExtension()
        {
            var installed = Path.Combine(_chatOutput, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.WebPubSub.dll");

            Assert.That(Hash(installed), Is.EqualTo(Hash(typeof(Microsoft.Azure.WebJobs.Extensions.WebPubSub.WebPubSubAttribute).Assembly.Location)));
            Assert.That(File.ReadAllText(Path.Combine(_chatOutput, "extensions.json")), Does.Contain("Microsoft.Azure.WebJobs.Extensions.WebPubSub.WebPubSubWebJobsStartup"));
        }

        private JObject AssertBinding(string function, string name, string direction, string type, JObject expected) =>
            AssertBinding(_metadata, function, name, direction, type, expected);

        private static JObject AssertBinding(JArray metadata, string function, string name, string direction, string type, JObject expected)
        {
            var entry = metadata.Single(f => f.Value<string>("name") == function);
            var binding = (JObject)entry["bindings"]!.Single(b => b.Value<string>("name") == name);
            Assert.That(binding.Value<string>("direction"), Is.EqualTo(direction), $"{function}/{name}");
            Assert.That(binding.Value<string>("type"), Is.EqualTo(type), $"{function}/{name}");
            foreach (var property in expected.Properties())
            {
                Assert.That(JToken.DeepEquals(binding[property.Name], property.Value), Is.True, $"{function}/{name}.{property.Name}: {binding}");
            }
            return binding;
        }

        private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
    }
}
