using System;
using System.Threading.Tasks;
using FunctionsHost.Tests.Infrastructure;
using NUnit.Framework;

namespace FunctionsHost.Tests
{
    /// <summary>One started host shared by the tests that only send requests (a JobHost takes a second or two to start); stopped after all tests.</summary>
    [SetUpFixture]
    public sealed class SharedHost
    {
        private static Lazy<Task<HostUnderTest>> _host = new(() => HostUnderTest.StartAsync());

        internal static Task<HostUnderTest> GetAsync() => _host.Value;

        [OneTimeTearDown]
        public async Task StopAsync()
        {
            if (_host.IsValueCreated)
            {
                await (await _host.Value).DisposeAsync();
                _host = new Lazy<Task<HostUnderTest>>(() => HostUnderTest.StartAsync());
            }
        }
    }
}
