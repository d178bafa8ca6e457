using Microsoft.Azure.WebJobs.Extensions.WebPubSub.Pipeline;
using Microsoft.Azure.WebJobs.Host.Executors;

namespace Microsoft.Azure.WebJobs.Extensions.WebPubSub.Trigger
{
    /// <summary>A trigger function registered for one routing key, with the validator of its connections.</summary>
    internal sealed class WebPubSubRoute
    {
        public WebPubSubRoute(RouteKey key, string functionName, RequestValidator validator, ITriggeredFunctionExecutor executor, System.Type parameterType)
        {
            ParameterType = parameterType;
            Key = key;
            FunctionName = functionName;
            Validator = validator;
            Executor = executor;
        }

        public RouteKey Key { get; }
        public string FunctionName { get; }
        public RequestValidator Validator { get; }
        public ITriggeredFunctionExecutor Executor { get; }

        /// <summary>The trigger parameter's type: checked against each request so the function never gets a null.</summary>
        public System.Type ParameterType { get; }
    }
}
