using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SensorNode.Tests.Mqtt;

/// <summary>
/// A throw-away PKI made with .NET's CertificateRequest: a CA, a broker certificate for 127.0.0.1 and
/// localhost, an expired broker certificate, a client certificate, and an unrelated CA. PEM files in
/// <see cref="Directory"/>.
/// </summary>
internal sealed class TestPki
{
    public TestPki(string directory)
    {
        Directory = directory;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using RSA caKey = RSA.Create(2048);
        using X509Certificate2 ca = SelfSignedCa("CN=SensorNode Test CA", caKey, now);
        CaFile = Write("ca.pem", ca.ExportCertificatePem());
        using RSA otherKey = RSA.Create(2048);
        using X509Certificate2 other = SelfSignedCa("CN=Some Other CA", otherKey, now);
        OtherCaFile = Write("other-ca.pem", other.ExportCertificatePem());
        (ServerCertFile, ServerKeyFile) = Issue("server", ca, now.AddDays(-1), now.AddDays(30), server: true);
        (ExpiredServerCertFile, ExpiredServerKeyFile) = Issue("server-expired", ca, now.AddDays(-30), now.AddDays(-2), server: true);
        (ClientCertFile, ClientKeyFile) = Issue("client", ca, now.AddDays(-1), now.AddDays(30), server: false);
        (ExpiredClientCertFile, ExpiredClientKeyFile) = Issue("client-expired", ca, now.AddDays(-30), now.AddDays(-2), server: false);
    }

    public string Directory { get; }

    public string CaFile { get; }

    public string OtherCaFile { get; }

    public string ServerCertFile { get; }

    public string ServerKeyFile { get; }

    public string ExpiredServerCertFile { get; }

    public string ExpiredServerKeyFile { get; }

    public string ClientCertFile { get; }

    public string ClientKeyFile { get; }

    public string ExpiredClientCertFile { get; }

    public string ExpiredClientKeyFile { get; }

    private static X509Certificate2 SelfSignedCa(string subject, RSA key, DateTimeOffset now)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-60), now.AddYears(1));
    }

    private (string Cert, string Key) Issue(string name, X509Certificate2 ca, DateTimeOffset notBefore, DateTimeOffset notAfter, bool server)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest(server ? "CN=127.0.0.1" : "CN=node1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") }, false));
        if (server)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
        }

        byte[] serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using X509Certificate2 cert = request.Create(ca, notBefore, notAfter, serial);
        return (Write(name + ".pem", cert.ExportCertificatePem()), Write(name + ".key", key.ExportPkcs8PrivateKeyPem()));
    }

    private string Write(string name, string pem)
    {
        string path = Path.Combine(Directory, name);
        File.WriteAllText(path, pem + "\n");
        return path;
    }
}
