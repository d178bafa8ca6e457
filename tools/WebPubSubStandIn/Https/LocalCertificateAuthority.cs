using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;

namespace WebPubSubStandIn.Https
{
    /// <summary>
    /// A certificate authority created on this machine the first time it is needed (never downloaded), kept in a
    /// directory so that it is trusted once (system store, <c>SSL_CERT_DIR</c>, <c>NODE_EXTRA_CA_CERTS</c>) and
    /// stays valid across runs. Each stand-in start issues a fresh short-lived server certificate from it for
    /// 127.0.0.1, ::1 and localhost.
    /// </summary>
    public static class LocalCertificateAuthority
    {
        public const string CertificateFileName = "webpubsub-standin-ca.crt";
        private const string KeyFileName = "webpubsub-standin-ca.key";
        private const string SubjectName = "CN=Web PubSub stand-in local CA (dev only), O=WebJobs Extensions for Web PubSub";

        /// <summary><c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> (Windows: LocalAppData), then <c>webpubsub-standin</c>.</summary>
        public static string DefaultDirectory()
            => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "webpubsub-standin");

        /// <summary>The CA of <paramref name="directory"/>, created when missing or expired (with its private key).</summary>
        public static X509Certificate2 LoadOrCreate(string directory)
        {
            Directory.CreateDirectory(directory);
            var certificatePath = Path.Combine(directory, CertificateFileName);
            var keyPath = Path.Combine(directory, KeyFileName);

            // Several stand-ins (parallel test projects) may start at once: one creates, the others wait and load.
            using var gate = AcquireLock(Path.Combine(directory, ".lock"));
            if (File.Exists(certificatePath) && File.Exists(keyPath))
            {
                var existing = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
                if (existing.NotAfter > DateTime.Now.AddDays(30))
                {
                    return existing;
                }
                existing.Dispose();
            }

            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(SubjectName, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            var now = DateTimeOffset.UtcNow;
            using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(5));

            WritePrivate(keyPath, key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(certificatePath + ".tmp", created.ExportCertificatePem() + "\n");
            File.Move(certificatePath + ".tmp", certificatePath, overwrite: true);
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }

        /// <summary>A server certificate for the loopback names, valid for 30 days, signed by <paramref name="ca"/>.</summary>
        public static X509Certificate2 IssueServerCertificate(X509Certificate2 ca)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddIpAddress(IPAddress.IPv6Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));

            var now = DateTimeOffset.UtcNow;
            var serial = RandomNumberGenerator.GetBytes(16);
            serial[0] &= 0x7F;
            using var signed = request.Create(ca, now.AddMinutes(-5), now.AddDays(30), serial);
            using var withKey = signed.CopyWithPrivateKey(key);
            // Through PKCS#12 so that the key is usable by SslStream on every platform (ephemeral keys are not on Windows).
            return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        }

        private static void WritePrivate(string path, string pem)
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(pem);
        }

        private static FileStream AcquireLock(string path)
        {
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (attempt < 100)
                {
                    Thread.Sleep(50);
                }
            }
        }
    }
}
