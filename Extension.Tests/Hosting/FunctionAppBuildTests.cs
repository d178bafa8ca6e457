using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Hosting;
using Microsoft.Azure.WebPubSub.Common;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hosting
{
    /// <summary>
    /// Builds <c>Assets/FunctionApp</c> (functions written against upstream's documented C# API) with the real
    /// <c>Microsoft.NET.Sdk.Functions</c> build SDK, then checks what the Functions host would read: each
    /// function's generated <c>function.json</c> and <c>bin/extensions.json</c>. Needs only the package registry
    /// (through the machine's default NuGet configuration) for the first restore.
    /// </summary>
    [TestFixture]
    [Category("FunctionApp")]
    [NonParallelizable]
    public class FunctionAppBuildTests
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

        private string _outputDirectory = null!;

        [OneTimeSetUp]
        public void BuildTheFunctionApp()
        {
            var project = Path.Combine(FindRepositoryRoot(), "Extension.Tests", "Assets", "FunctionApp", "FunctionApp.csproj");
            Assert.That(project, Does.Exist);
            _outputDirectory = Path.Combine(Path.GetTempPath(), "webpubsub-functionapp-" + Guid.NewGuid().ToString("N"));

            var stopwatch = Stopwatch.StartNew();
            var (exitCode, output) = RunDotnet(
                BuildTimeout,
                "build", project, "-c", "Release", "-o", _outputDirectory,
                // No build servers or reused nodes: nothing may outlive the build and hold its output open.
                "--disable-build-servers", "-nodeReuse:false");
            stopwatch.Stop();
            TestContext.Progress.WriteLine($"FunctionApp build: exit code {exitCode} after {stopwatch.Elapsed.TotalSeconds:F1} s.");

            if (exitCode != 0)
            {
                Assert.Fail($"dotnet build of the function app failed (exit code {exitCode}):{Environment.NewLine}{output}");
            }
        }

        [OneTimeTearDown]
        public void DeleteTheOutput()
        {
            if (_outputDirectory != null && Directory.Exists(_outputDirectory))
            {
                Directory.Delete(_outputDirectory, recursive: true);
            }
        }

        [TestCase("connect")]
        [TestCase("message")]
        [TestCase("negotiate")]
        [TestCase("validate")]
        [TestCase("disconnected")]
        [TestCase("mqttConnect")]
        public void EveryFunctionHasAFunctionJsonPointingAtTheAppAssembly(string function)
        {
            var json = FunctionJson(function);
            Assert.That(json.Value<string>("scriptFile"), Is.EqualTo("../bin/WebPubSubFunctionApp.dll"));
            Assert.That(json.Value<string>("entryPoint"), Does.StartWith("WebPubSubFunctionApp.ChatFunctions."));
            Assert.That(json.Value<string>("generatedBy"), Does.StartWith("Microsoft.NET.Sdk.Functions.Generator"));
        }

        [Test]
        public void ConnectTrigger()
        {
            var json = FunctionJson("connect");
            Assert.That(BindingTypes(json), Is.EqualTo(new[] { "webPubSubTrigger" }));
            var trigger = Binding(json, "webPubSubTrigger");
            Assert.That(trigger.Value<string>("name"), Is.EqualTo("request"));
            Assert.That(trigger.Value<string>("hub"), Is.EqualTo("chat"));
            Assert.That(trigger.Value<string>("eventName"), Is.EqualTo("connect"));
            Assert.That(trigger.Value<string>("eventType"), Is.EqualTo("system"));
            Assert.That(trigger.Value<string>("clientProtocols"), Is.EqualTo("all"));
        }

        [Test]
        public void UserEventTriggerWithOutputCollector()
        {
            var json = FunctionJson("message");
            // BinaryData data and WebPubSubDataType dataType are trigger binding data, not bindings of their own.
            Assert.That(BindingTypes(json), Is.EqualTo(new[] { "webPubSubTrigger", "webPubSub" }));
            var trigger = Binding(json, "webPubSubTrigger");
            Assert.That(trigger.Value<string>("hub"), Is.EqualTo("chat"));
            Assert.That(trigger.Value<string>("eventName"), Is.EqualTo("message"));
            Assert.That(trigger.Value<string>("eventType"), Is.EqualTo("user"));
            var output = Binding(json, "webPubSub");
            Assert.That(output.Value<string>("name"), Is.EqualTo("actions"));
            Assert.That(output.Value<string>("hub"), Is.EqualTo("chat"));
            Assert.That(output.Value<string>("connection"), Is.EqualTo("WebPubSubConnectionString"));
        }

        [Test]
        public void NegotiateWithConnectionInput()
        {
            var json = FunctionJson("negotiate");
            Assert.That(BindingTypes(json), Is.EqualTo(new[] { "httpTrigger", "webPubSubConnection" }));
            var connection = Binding(json, "webPubSubConnection");
            Assert.That(connection.Value<string>("name"), Is.EqualTo("connection"));
            Assert.That(connection.Value<string>("hub"), Is.EqualTo("chat"));
            Assert.That(connection.Value<string>("userId"), Is.EqualTo("{query.userid}"));
            Assert.That(connection.Value<string>("connection"), Is.EqualTo("WebPubSubConnectionString"));
        }

        [Test]
        public void HttpTriggerWithContextInput()
        {
            var json = FunctionJson("validate");
            Assert.That(BindingTypes(json), Is.EqualTo(new[] { "httpTrigger", "webPubSubContext" }));
            Assert.That(Binding(json, "webPubSubContext").Value<string>("name"), Is.EqualTo("context"));
            Assert.That(Binding(json, "httpTrigger")["methods"]!.Values<string>(), Does.Contain("options"));
        }

        [Test]
        public void DisconnectedTriggerWithReturnValueOutput()
        {
            var json = FunctionJson("disconnected");
            Assert.That(BindingTypes(json), Is.EqualTo(new[] { "webPubSubTrigger", "webPubSub" }));
            var trigger = Binding(json, "webPubSubTrigger");
            Assert.That(trigger.Value<string>("eventName"), Is.EqualTo("disconnected"));
            Assert.That(trigger.Value<string>("eventType"), Is.EqualTo("system"));
            var output = Binding(json, "webPubSub");
            Assert.That(output.Value<string>("name"), Is.EqualTo("$return"));
            Assert.That(output.Value<string>("direction"), Is.EqualTo("out"));
            Assert.That(output.Value<string>("hub"), Is.EqualTo("chat"));
        }

        [Test]
        public void MqttConnectTrigger()
        {
            var json = FunctionJson("mqttConnect");
            Assert.That(BindingTypes(json), Is.EqualTo(new[] { "webPubSubTrigger" }));
            var trigger = Binding(json, "webPubSubTrigger");
            Assert.That(trigger.Value<string>("hub"), Is.EqualTo("chat"));
            Assert.That(trigger.Value<string>("eventName"), Is.EqualTo("connect"));
            Assert.That(trigger.Value<string>("eventType"), Is.EqualTo("system"));
            Assert.That(trigger.Value<string>("clientProtocols"), Is.EqualTo("mqtt"));
        }

        [Test]
        public void ExtensionsJsonNamesWebPubSubAndOurStartupType()
        {
            // The Functions SDK moves the app's dependencies to bin/, where the host reads extensions.json.
            var path = Path.Combine(_outputDirectory, "bin", "extensions.json");
            Assert.That(path, Does.Exist);
            var extensions = (JArray)JObject.Parse(File.ReadAllText(path))["extensions"]!;
            var ours = extensions.OfType<JObject>().Where(e => e.Value<string>("name") == "WebPubSub").ToList();
            Assert.That(ours, Has.Count.EqualTo(1), extensions.ToString());

            var typeName = ours[0].Value<string>("typeName")!;
            var startup = typeof(WebPubSubAttribute).Assembly.GetCustomAttribute<WebJobsStartupAttribute>()!.WebJobsStartupType;
            Assert.That(typeName.Split(',')[0].Trim(), Is.EqualTo(startup.FullName));
            Assert.That(new AssemblyName(typeName.Substring(typeName.IndexOf(',') + 1).Trim()).Name,
                Is.EqualTo("Microsoft.Azure.WebJobs.Extensions.WebPubSub"));

            // What the host's startup type locator does with the entry: load it and check it is a startup.
            var loaded = Type.GetType(typeName, throwOnError: true)!;
            Assert.That(loaded, Is.EqualTo(startup));
            Assert.That(typeof(IWebJobsStartup).IsAssignableFrom(loaded), Is.True);
            Assert.That(Path.Combine(_outputDirectory, "bin", "Microsoft.Azure.WebJobs.Extensions.WebPubSub.dll"), Does.Exist);
        }

        [Test]
        public async Task GeneratedBindingsRebuildOurAttributesInTheHost()
        {
            // The host turns function.json bindings back into attributes (every non-C# language depends on this).
            await using var host = await WebPubSubTestHost.StartAsync(
                new Dictionary<string, string?> { ["WebPubSubConnectionString"] = CloudEventRequests.ConnectionString }, null);
#pragma warning disable CS0618 // IJobHostMetadataProvider is what the Functions host uses for function.json; it is marked "not ready".
            var metadata = host.Services.GetRequiredService<IJobHostMetadataProvider>();
#pragma warning restore CS0618

            Attribute Rebuild(string function, string type)
            {
                var binding = Binding(FunctionJson(function), type);
                var attributeType = metadata.GetAttributeTypeFromName(type);
                Assert.That(attributeType, Is.Not.Null, type);
                return metadata.GetAttribute(attributeType, binding);
            }

            var mqtt = (WebPubSubTriggerAttribute)Rebuild("mqttConnect", "webPubSubTrigger");
            Assert.That((mqtt.Hub, mqtt.EventType, mqtt.EventName, mqtt.ClientProtocols),
                Is.EqualTo(("chat", WebPubSubEventType.System, "connect", WebPubSubTriggerAcceptedClientProtocols.Mqtt)));
            var user = (WebPubSubTriggerAttribute)Rebuild("message", "webPubSubTrigger");
            Assert.That((user.EventType, user.EventName), Is.EqualTo((WebPubSubEventType.User, "message")));
            var output = (WebPubSubAttribute)Rebuild("message", "webPubSub");
            Assert.That((output.Hub, output.Connection), Is.EqualTo(("chat", "WebPubSubConnectionString")));
            var connection = (WebPubSubConnectionAttribute)Rebuild("negotiate", "webPubSubConnection");
            Assert.That((connection.Hub, connection.UserId), Is.EqualTo(("chat", "{query.userid}")));
            Assert.That(Rebuild("validate", "webPubSubContext"), Is.InstanceOf<WebPubSubContextAttribute>());
        }

        private JObject FunctionJson(string function)
        {
            var path = Path.Combine(_outputDirectory, function, "function.json");
            Assert.That(path, Does.Exist);
            return JObject.Parse(File.ReadAllText(path));
        }

        private static string[] BindingTypes(JObject functionJson) =>
            ((JArray)functionJson["bindings"]!).Select(b => b.Value<string>("type")!).ToArray();

        private static JObject Binding(JObject functionJson, string type) =>
            ((JArray)functionJson["bindings"]!).OfType<JObject>().Single(b => b.Value<string>("type") == type);

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "WebJobs.Extensions.WebPubSub.sln")))
                {
                    return directory.FullName;
                }
            }
            throw new InvalidOperationException("The repository root (WebJobs.Extensions.WebPubSub.sln) is not above " + TestContext.CurrentContext.TestDirectory);
        }

        /// <summary>Runs the same dotnet that runs the tests; returns its exit code and everything it printed.</summary>
        private static (int ExitCode, string Output) RunDotnet(TimeSpan timeout, params string[] arguments)
        {
            var start = new ProcessStartInfo(DotnetExecutable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            // The test run's own MSBuild variables (set by dotnet test) must not steer the child build.
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(name);
            }
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                lock (output)
                {
                    return (-1, $"Timed out after {timeout.TotalMinutes} min.{Environment.NewLine}{output}");
                }
            }
            process.WaitForExit(); // drains the asynchronous output readers
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }

        private static string DotnetExecutable()
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }
}
