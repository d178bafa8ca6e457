using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace WebPubSubStandIn.Https
{
    /// <summary>The stand-in's Kestrel listeners: 127.0.0.1 only, http or https (a certificate from the local CA).</summary>
    public static class LoopbackListeners
    {
        /// <summary>Scheme and port of each <c>--urls</c> entry (';'-separated); hosts must be loopback; port <c>0</c> = any free port.</summary>
        public static (bool Https, int Port)[] Parse(string? urls)
        {
            if (string.IsNullOrWhiteSpace(urls))
            {
                return new[] { (false, 8080) };
            }
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(url =>
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw new InvalidOperationException($"--urls '{url}' must be an http:// or https:// URL on 127.0.0.1.");
                }
                if (uri.Host != "127.0.0.1" && !uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"--urls '{url}': the stand-in listens on 127.0.0.1 only.");
                }
                return (uri.Scheme == Uri.UriSchemeHttps, uri.Port);
            }).Distinct().ToArray();
        }

        /// <summary><paramref name="args"/> without <c>--urls</c> (either <c>--urls X</c> or <c>--urls=X</c>).</summary>
        public static string[] WithoutUrls(string[] args)
        {
            var kept = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                var name = args[i].TrimStart('-', '/');
                if (name.Equals("urls", StringComparison.OrdinalIgnoreCase))
                {
                    i++;
                    continue;
                }
                if (!name.StartsWith("urls=", StringComparison.OrdinalIgnoreCase))
                {
                    kept.Add(args[i]);
                }
            }
            return kept.ToArray();
        }

        // Explicit Kestrel listeners (not UseUrls) so that HTTPS ones get the certificate issued by the local CA.
        public static void Configure(WebApplicationBuilder builder, (bool Https, int Port)[] listeners, string certificateDirectory)
        {
            X509Certificate2? certificate = null;
            if (listeners.Any(l => l.Https))
            {
                using var ca = LocalCertificateAuthority.LoadOrCreate(certificateDirectory);
                certificate = LocalCertificateAuthority.IssueServerCertificate(ca);
            }
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                foreach (var (https, port) in listeners)
                {
                    kestrel.Listen(IPAddress.Loopback, port, listen =>
                    {
                        if (https)
                        {
                            listen.UseHttps(certificate!);
                        }
                    });
                }
            });
        }
    }
}
