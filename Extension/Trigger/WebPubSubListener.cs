using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.WebJobs.Host.Listeners;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger
{
    /// <summary>Puts a trigger function into the route table while the host runs.</summary>
    internal sealed class WebPubSubListener : IListener
    {
        private readonly WebPubSubRouteTable _routes;
        private readonly WebPubSubRoute _route;

        public WebPubSubListener(WebPubSubRouteTable routes, WebPubSubRoute route)
        {
            _routes = routes;
            _route = route;
        }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _routes.Register(_route);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _routes.Unregister(_route);
            return Task.CompletedTask;
        }

        public void Cancel()
        {
        }

        public void Dispose() => _routes.Unregister(_route);
    }
}
