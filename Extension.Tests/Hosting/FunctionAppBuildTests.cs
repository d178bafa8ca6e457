using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Azure.WebJobs.Hosting;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hosting
{
    /// <summary>
    /// Builds <c>Assets/FunctionApp</c> (every constructor and property of the four attributes) with the real
    /// <c>Microsoft.NET.Sdk.Functions</c>, then checks what the Functions host would read: each function's
    /// generated <c>function.json</c> and <c>bin/extensions.json</c>; the partial part in
    /// FunctionAppBuildTests.Run.cs runs the built functions.
    /// </summary>
    [TestFixture]
    [Category("FunctionApp")]
    [NonParallelizable]
    public partial class FunctionAppBuildTests
    {
        private const string Http = "{'type':'httpTrigger','authLevel':'anonymous','name':'req','methods':";

        private string _outputDirectory = null!;

        [OneTimeSetUp]
        public void BuildTheFunctionApp() =>
            _outputDirectory = FunctionAppBuild.Build(Path.Combine("Extension.Tests", "Assets", "FunctionApp", "FunctionApp.csproj"));

        [OneTimeTearDown]
        public void DeleteTheOutput()
        {
            StopTheHost();
            FunctionAppBuild.Delete(_outputDirectory);
        }

        // Each function's bindings, exactly as generated. Named array arguments (Roles, Groups,
        // Connections = new[] {...}) are fields, which the generator skips, so they are not in function.json; the
        // host reads class-library bindings from the assembly ("configurationSource": "attributes"), and the
        // tests in FunctionAppBuildTests.Run.cs show they apply.
        [TestCase("connect", "{'type':'webPubSubTrigger','name':'request','hub':'chat','eventName':'connect','eventType':'system','clientProtocols':'all'}")]
        [TestCase("message",
            "{'type':'webPubSubTrigger','name':'request','hub':'chat','eventName':'message','eventType':'user','clientProtocols':'all','connections':['WebPubSubConnectionString','Other'],'connection':'WebPubSubConnectionString'}",
            "{'type':'webPubSub','name':'actions','hub':'chat','connection':'WebPubSubConnectionString'}")]
        [TestCase("connected", "{'type':'webPubSubTrigger','name':'request','hub':'','eventName':'connected','eventType':'system','clientProtocols':'all'}")]
        [TestCase("disconnected",
            "{'type':'webPubSubTrigger','name':'request','hub':'','eventName':'disconnected','eventType':'system','clientProtocols':'all','connections':['Other'],'connection':'Other'}",
            "{'type':'webPubSub','name':'$return','direction':'out','hub':'chat','connection':'Other'}")]
        [TestCase("mqttConnect", "{'type':'webPubSubTrigger','name':'request','hub':'chat','eventName':'connect','eventType':'system','clientProtocols':'mqtt','connections':['Other'],'connection':'Other'}")]
        [TestCase("negotiate", Http + "['get','post']}",
            "{'type':'webPubSubConnection','name':'connection','hub':'chat','userId':'{query.userid}','connection':'WebPubSubConnectionString','clientProtocol':'default','expiresAfterMinutes':30}")]
        [TestCase("negotiateMqtt", Http + "['get']}",
            "{'type':'webPubSubConnection','name':'connection','hub':'chat','userId':'{query.userid}','connection':'Other','clientProtocol':'mqtt','expiresAfterMinutes':60}")]
        [TestCase("validate", Http + "['get','post','options']}", "{'type':'webPubSubContext','name':'context'}")]
        [TestCase("validateParams", Http + "['post','options']}", "{'type':'webPubSubContext','name':'context','connections':['Other'],'connection':'Other'}")]
        [TestCase("validateNamed", Http + "['post','options']}", "{'type':'webPubSubContext','name':'context'}")]
        [TestCase("validateLegacy", Http + "['post','options']}", "{'type':'webPubSubContext','name':'context','connections':['Other'],'connection':'Other'}")]
        public void FunctionJsonHasTheBindings(string function, params string[] expected)
        {
            var json = FunctionJson(function);
            Assert.That(json.Value<string>("scriptFile"), Is.EqualTo("../bin/WebPubSubFunctionApp.dll"));
            Assert.That(json.Value<string>("entryPoint"), Does.StartWith("WebPubSubFunctionApp.ChatFunctions."));
            Assert.That(json.Value<string>("generatedBy"), Does.StartWith("Microsoft.NET.Sdk.Functions.Generator"));
            Assert.That(json.Value<string>("configurationSource"), Is.EqualTo("attributes"));

            var bindings = (JArray)json["bindings"]!;
            Assert.That(bindings, Has.Count.EqualTo(expected.Length), bindings.ToString());
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.That(JToken.DeepEquals(bindings[i], JObject.Parse(expected[i])), Is.True, $"binding {i} of {function}: {bindings[i]}");
            }
        }

        [Test]
        public void EveryFunctionOfTheAppHasAFunctionJson()
        {
            var functions = Directory.GetFiles(_outputDirectory, "function.json", SearchOption.AllDirectories)
                .Select(f => Path.GetFileName(Path.GetDirectoryName(f)));
            Assert.That(functions, Is.EquivalentTo(new[]
            {
                "connect", "message", "connected", "disconnected", "mqttConnect", "negotiate", "negotiateMqtt",
                "validate", "validateParams", "validateNamed", "validateLegacy",
            }));
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

        private JObject FunctionJson(string function)
        {
            var path = Path.Combine(_outputDirectory, function, "function.json");
            Assert.That(path, Does.Exist);
            return JObject.Parse(File.ReadAllText(path));
        }

        private JObject Binding(string function, string type) =>
            ((JArray)FunctionJson(function)["bindings"]!).OfType<JObject>().Single(b => b.Value<string>("type") == type);
    }
}
