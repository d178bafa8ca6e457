using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Tests.Hosting
{
    /// <summary>
    /// samples/Chat's code built with <c>Microsoft.NET.Sdk.Functions</c> (<c>Assets/ChatFunctionApp</c>): the
    /// sample's <c>Roles = new[] { ... }</c> must not break a real function app's build.
    /// </summary>
    [TestFixture]
    [Category("FunctionApp")]
    [NonParallelizable]
    public class FunctionAppChatSampleTests
    {
        private string _outputDirectory = null!;

        [OneTimeSetUp]
        public void BuildTheSample() =>
            _outputDirectory = FunctionAppBuild.Build(Path.Combine("Extension.Tests", "Assets", "ChatFunctionApp", "ChatFunctionApp.csproj"));

        [OneTimeTearDown]
        public void DeleteTheOutput() => FunctionAppBuild.Delete(_outputDirectory);

        [Test]
        public void EveryChatFunctionHasAFunctionJson()
        {
            var functions = Directory.GetFiles(_outputDirectory, "function.json", SearchOption.AllDirectories)
                .Select(f => Path.GetFileName(Path.GetDirectoryName(f)));
            Assert.That(functions, Is.EquivalentTo(new[] { "index", "negotiate", "connect", "connected", "message", "close-me", "fail", "disconnected" }));
            Assert.That(FunctionJson("negotiate").Value<string>("scriptFile"), Is.EqualTo("../bin/Chat.dll"));
        }

        [Test]
        public void NegotiateBindingIsGenerated()
        {
            var binding = ((JArray)FunctionJson("negotiate")["bindings"]!).OfType<JObject>().Single(b => b.Value<string>("type") == "webPubSubConnection");
            Assert.That(binding.Value<string>("hub"), Is.EqualTo("%WebPubSubHub%"));
            Assert.That(binding.Value<string>("userId"), Is.EqualTo("{query.userid}"));
        }

        [Test]
        public void BuiltNegotiateKeepsItsRoles()
        {
            // What the host reads for a class-library app ("configurationSource": "attributes").
            var type = FunctionAppBuild.Load(_outputDirectory, "Chat").GetType("Chat.ChatFunctions", throwOnError: true)!;
            var parameter = type.GetMethod("Negotiate")!.GetParameters().Single(p => p.Name == "connection");
            var attribute = parameter.GetCustomAttribute<WebPubSubConnectionAttribute>()!;
            Assert.That(attribute.Roles, Is.EqualTo(new[] { "webpubsub.joinLeaveGroup", "webpubsub.sendToGroup" }));
        }

        private JObject FunctionJson(string function) =>
            JObject.Parse(File.ReadAllText(Path.Combine(_outputDirectory, function, "function.json")));
    }
}
