using System;
using System.Buffers;
using System.IO;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;

namespace SensorNode.Cli.Monitor;

/// <summary>An MQTTnet client subscribed to a fleet's topics; every message goes into the <see cref="Fleet"/>.</summary>
internal sealed class MonitorConnection : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private MonitorConnection(IMqttClient client)
    {
        _client = client;
    }

    public sealed record Credentials(string? Username, string? Password, string? CaPath, string? CertPath, string? KeyPath);

    public static async Task<MonitorConnection> OpenAsync(BrokerEndpoint broker, Credentials credentials, Fleet fleet, TimeSpan timeout)
    {
        var factory = new MqttClientFactory();
        IMqttClient client = factory.CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            fleet.Apply(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), DateTimeOffset.UtcNow);
            return Task.CompletedTask;
        };

        MqttClientOptionsBuilder options = factory.CreateClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId("sensornode-monitor-" + Guid.NewGuid().ToString("N").Substring(0, 12))
            .WithCleanSession(true)
            .WithTimeout(timeout);
        if (credentials.Username != null)
        {
            options.WithCredentials(credentials.Username, credentials.Password ?? string.Empty);
        }

        if (broker.Tls)
        {
            X509Certificate2Collection? ca = credentials.CaPath == null ? null : LoadCa(credentials.CaPath);
            X509Certificate2? clientCert = credentials.CertPath == null ? null : LoadClientCertificate(credentials.CertPath, credentials.KeyPath!);
            options.WithTlsOptions(o =>
            {
                o.UseTls(true).WithTargetHost(broker.Host).WithCertificateValidationHandler(args => Validate(args.Certificate, args.SslPolicyErrors, ca));
                if (clientCert != null)
                {
                    o.WithClientCertificates(new X509Certificate2Collection(clientCert));
                }
            });
        }

        try
        {
            using var cts = new CancellationTokenSource(timeout + timeout);
            MqttClientConnectResult connected = await client.ConnectAsync(options.Build(), cts.Token).ConfigureAwait(false);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                // A refusal (bad user name or password, not authorized) is a CONNACK, not an exception: say so.
                client.Dispose();
                throw new CliException($"the broker {broker} refused the monitor ({connected.ResultCode}); check --username/--password and the client certificate", ExitCodes.Failed);
            }

            var subscribe = factory.CreateSubscribeOptionsBuilder();
            foreach (string filter in fleet.TopicFilters)
            {
                subscribe.WithTopicFilter(f => f.WithTopic(filter).WithAtLeastOnceQoS());
            }

            await client.SubscribeAsync(subscribe.Build(), cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not CliException)
        {
            client.Dispose();
            throw new CliException($"cannot connect to {broker}: {ex.GetBaseException().Message}; check --broker, the broker's port and TLS options", ExitCodes.Failed);
        }

        return new MonitorConnection(client);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync().ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // Leaving anyway: a failed DISCONNECT changes nothing for a read-only monitor.
        }

        _client.Dispose();
    }

    private static bool Validate(X509Certificate certificate, SslPolicyErrors errors, X509Certificate2Collection? ca)
    {
        if (ca == null)
        {
            return errors == SslPolicyErrors.None;
        }

        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }

    private static X509Certificate2Collection LoadCa(string path)
    {
        try
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(path);
            if (collection.Count == 0)
            {
                throw new CliException($"--ca {path}: no certificate in the file");
            }

            return collection;
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new CliException($"--ca {path}: cannot read a PEM certificate: {ex.Message}");
        }
    }

    private static X509Certificate2 LoadClientCertificate(string certPath, string keyPath)
    {
        try
        {
            using X509Certificate2 pem = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            // SslStream on Windows needs a persisted key; a PKCS#12 round trip gives one on every OS.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new CliException($"--cert {certPath} / --key {keyPath}: cannot read the client certificate and key: {ex.Message}");
        }
    }
}
