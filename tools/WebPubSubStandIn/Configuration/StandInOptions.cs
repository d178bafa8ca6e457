using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace WebPubSubStandIn.Configuration
{
    /// <summary>
    /// The stand-in's settings (section <c>StandIn</c>, see docs/local-loop.md): connection string, per-hub event
    /// handlers (<c>*</c> = every hub; a hub's own entry wins), the upstream timeout, Entra and HTTPS.
    /// </summary>
    public sealed class StandInOptions
    {
        public StandInOptions(ServiceConnectionString connection, IReadOnlyDictionary<string, EventHandlerSettings> handlers, TimeSpan upstreamTimeout,
            EntraSettings entra, string certificateDirectory)
        {
            Connection = connection;
            Handlers = handlers;
            UpstreamTimeout = upstreamTimeout;
            Entra = entra;
            CertificateDirectory = certificateDirectory;
        }

        public ServiceConnectionString Connection { get; }

        /// <summary>Hub name (case-insensitive) or <c>*</c> → handler.</summary>
        public IReadOnlyDictionary<string, EventHandlerSettings> Handlers { get; }

        public TimeSpan UpstreamTimeout { get; }

        public EntraSettings Entra { get; }

        /// <summary>Where the local CA lives (<c>StandIn:Https:CertificateDirectory</c>); HTTPS endpoints use it.</summary>
        public string CertificateDirectory { get; }

        public EventHandlerSettings? HandlerFor(string hub)
            => Handlers.TryGetValue(hub, out var handler) ? handler
                : Handlers.TryGetValue("*", out var any) ? any
                : null;

        public static StandInOptions FromConfiguration(IConfiguration configuration)
        {
            var section = configuration.GetSection("StandIn");
            var connection = ServiceConnectionString.Parse(section["ConnectionString"]);

            var handlers = new Dictionary<string, EventHandlerSettings>(StringComparer.OrdinalIgnoreCase);
            foreach (var hub in section.GetSection("Hubs").GetChildren())
            {
                var template = hub["UrlTemplate"];
                if (string.IsNullOrWhiteSpace(template))
                {
                    continue;
                }
                if (!Uri.TryCreate(template.Replace("{hub}", "h").Replace("{event}", "e"), UriKind.Absolute, out _))
                {
                    throw new InvalidOperationException($"StandIn:Hubs:{hub.Key}:UrlTemplate '{template}' is not an absolute URL.");
                }
                handlers[hub.Key] = new EventHandlerSettings(template, hub["UserEventPattern"], hub["SystemEvents"]);
            }

            var timeoutText = section["UpstreamTimeoutSeconds"];
            double seconds = 30;
            if (!string.IsNullOrEmpty(timeoutText) && (!double.TryParse(timeoutText, System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out seconds) || seconds <= 0))
            {
                throw new InvalidOperationException($"StandIn:UpstreamTimeoutSeconds '{timeoutText}' must be a positive number.");
            }

            var certificates = section["Https:CertificateDirectory"];
            return new StandInOptions(connection, handlers, TimeSpan.FromSeconds(seconds), EntraSettings.FromConfiguration(section),
                string.IsNullOrEmpty(certificates) ? Https.LocalCertificateAuthority.DefaultDirectory() : certificates);
        }
    }
}
