using Microsoft.Extensions.Hosting;

// Nothing Web PubSub-specific here: the trigger, negotiate and output run in the Functions host, and the
// worker package's converters bind their JSON whatever serializer the app configures.
new HostBuilder().ConfigureFunctionsWorkerDefaults().Build().Run();
