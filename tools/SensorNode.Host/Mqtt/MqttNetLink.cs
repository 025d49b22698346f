using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Mqtt;

/// <summary>
/// <see cref="IMqttLink"/> over MQTTnet 5 (MQTT 3.1.1, as the device): TLS verified against the
/// configured CA (never silently off: plain mqtt:// logs a warning at every connect), optional client
/// certificate, credentials, keep-alive and the will. Failures become statuses; <see cref="LastError"/>
/// keeps the detail for people.
/// </summary>
public sealed class MqttNetLink : IMqttLink, IMqttCallTimeout, IDisposable
{
    private const int MaxQueuedMessages = 64;

    private readonly MqttEndpoint _endpoint;
    private readonly TextWriter _log;
    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<(string Topic, byte[] Payload)> _inbound = new();
    private readonly X509Certificate2? _ca;
    private readonly X509Certificate2Collection _clientCertificates = new();
    private string? _tlsProblem;
    private int _callTimeoutMilliseconds;
    private bool _serverVerified;

    /// <summary>Creates the link; loads the CA and client certificate now, so bad files fail early.</summary>
    public MqttNetLink(MqttEndpoint endpoint, TextWriter log)
    {
        _endpoint = endpoint;
        _log = log;
        if (endpoint.CaFile != null)
        {
            _ca = X509CertificateLoader.LoadCertificateFromFile(endpoint.CaFile);
        }

        if (endpoint.CertFile != null)
        {
            X509Certificate2 pem = X509Certificate2.CreateFromPemFile(endpoint.CertFile, endpoint.KeyFile);
            // SslStream on Linux needs the key in a persisted form; a PKCS#12 round trip gives it one.
            _clientCertificates.Add(X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null));
        }

        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (_inbound.Count < MaxQueuedMessages)
            {
                _inbound.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            }

            return System.Threading.Tasks.Task.CompletedTask;
        };
    }

    /// <summary>A sentence explaining the last failure, or empty.</summary>
    public string LastError { get; private set; } = string.Empty;

    /// <inheritdoc />
    public bool IsConnected => _client.IsConnected;

    /// <inheritdoc />
    /// <remarks>Defaults to the endpoint's TimeoutSeconds; the deep-sleep uplink sets it to the time left in the wake.</remarks>
    public int CallTimeoutMilliseconds
    {
        get => _callTimeoutMilliseconds > 0 ? _callTimeoutMilliseconds : _endpoint.TimeoutSeconds * 1000;
        set => _callTimeoutMilliseconds = Math.Max(1, value);
    }

    private TimeSpan CallTimeout => TimeSpan.FromMilliseconds(CallTimeoutMilliseconds);

    /// <inheritdoc />
    public MqttLinkStatus Connect(MqttConnectOptions options)
    {
        LastError = string.Empty;
        _tlsProblem = null;
        _serverVerified = false;
        if (!_endpoint.UseTls)
        {
            _log.WriteLine($"WARNING: TLS is disabled for {_endpoint}: credentials and readings travel in clear text. Use mqtts:// with --ca.");
        }

        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_endpoint.Host, _endpoint.Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(options.ClientId)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(CallTimeout)
            .WithWillTopic(options.WillTopic)
            .WithWillPayload(options.WillPayload)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true);
        if (!string.IsNullOrEmpty(options.Username))
        {
            builder.WithCredentials(options.Username, options.Password ?? string.Empty);
        }

        if (_endpoint.UseTls)
        {
            builder.WithTlsOptions(o =>
            {
                o.UseTls(true)
                 .WithTargetHost(_endpoint.Host)
                 .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                 .WithCertificateValidationHandler(e => ValidateServer(e.Certificate, e.SslPolicyErrors));
                if (_clientCertificates.Count > 0)
                {
                    o.WithClientCertificates(_clientCertificates);
                }
            });
        }

        try
        {
            using var cts = new CancellationTokenSource(_callTimeoutMilliseconds > 0 ? CallTimeout : CallTimeout + TimeSpan.FromSeconds(5));
            MqttClientConnectResult result = _client.ConnectAsync(builder.Build(), cts.Token).GetAwaiter().GetResult();
            return FromConnack(result.ResultCode, result.ReasonString);
        }
        catch (Exception ex)
        {
            return FromException(ex);
        }
    }

    /// <inheritdoc />
    public MqttLinkStatus Publish(string topic, byte[] payload, int count, MqttQos qos, bool retain)
    {
        if (!_client.IsConnected)
        {
            return MqttLinkStatus.NotConnected;
        }

        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(new ArraySegment<byte>(payload, 0, count))
            .WithQualityOfServiceLevel(qos == MqttQos.AtLeastOnce ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce)
            .WithRetainFlag(retain)
            .Build();
        try
        {
            using var cts = new CancellationTokenSource(CallTimeout);
            MqttClientPublishResult result = _client.PublishAsync(message, cts.Token).GetAwaiter().GetResult();
            if (result.IsSuccess)
            {
                return MqttLinkStatus.Ok;
            }

            LastError = $"the broker refused the publish to {topic}: {result.ReasonCode}";
            return MqttLinkStatus.Rejected;
        }
        catch (Exception ex)
        {
            LastError = $"publish to {topic} failed: {ex.Message}";
            return _client.IsConnected ? MqttLinkStatus.Timeout : MqttLinkStatus.NotConnected;
        }
    }

    /// <inheritdoc />
    public MqttLinkStatus Subscribe(string topicFilter, MqttQos qos)
    {
        try
        {
            using var cts = new CancellationTokenSource(CallTimeout);
            MqttClientSubscribeResult result = _client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                cts.Token).GetAwaiter().GetResult();
            foreach (MqttClientSubscribeResultItem item in result.Items)
            {
                if ((int)item.ResultCode > 2)
                {
                    LastError = $"the broker refused the subscription to {topicFilter}: {item.ResultCode}";
                    return MqttLinkStatus.Rejected;
                }
            }

            return MqttLinkStatus.Ok;
        }
        catch (Exception ex)
        {
            LastError = $"subscribe to {topicFilter} failed: {ex.Message}";
            return _client.IsConnected ? MqttLinkStatus.Timeout : MqttLinkStatus.NotConnected;
        }
    }

    /// <inheritdoc />
    public bool TryReceive(MqttInboundMessage message)
    {
        if (!_inbound.TryDequeue(out var next))
        {
            return false;
        }

        message.Topic = next.Topic;
        message.Truncated = next.Payload.Length > message.Payload.Length;
        message.Length = Math.Min(next.Payload.Length, message.Payload.Length);
        Array.Copy(next.Payload, message.Payload, message.Length);
        return true;
    }

    /// <inheritdoc />
    public void Disconnect()
    {
        try
        {
            using var cts = new CancellationTokenSource(CallTimeout);
            _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), cts.Token).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            LastError = $"disconnect failed: {ex.Message}";
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private bool ValidateServer(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate == null)
        {
            _tlsProblem = "the broker sent no certificate";
            return false;
        }

        if (_ca == null)
        {
            if (errors != SslPolicyErrors.None)
            {
                _tlsProblem = $"the broker's certificate is not trusted by this machine ({errors}); pass the broker's CA with --ca";
            }

            _serverVerified = errors == SslPolicyErrors.None;
            return _serverVerified;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            _tlsProblem = $"the broker's certificate does not name host '{_endpoint.Host}'";
            return false;
        }

        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain.Build(server))
        {
            _serverVerified = true;
            return true;
        }

        string why = chain.ChainStatus.Length > 0
            ? string.Join("; ", System.Linq.Enumerable.Select(chain.ChainStatus, s => s.Status + ": " + s.StatusInformation.Trim()))
            : "unknown reason";
        _tlsProblem = $"the broker's certificate does not verify against the CA {_endpoint.CaFile}: {why}";
        return false;
    }

    private MqttLinkStatus FromConnack(MqttClientConnectResultCode code, string? reason)
    {
        switch (code)
        {
            case MqttClientConnectResultCode.Success:
                return MqttLinkStatus.Ok;
            case MqttClientConnectResultCode.BadUserNameOrPassword:
                LastError = "the broker refused the user name or password (CONNACK: bad user name or password)";
                return MqttLinkStatus.BadCredentials;
            case MqttClientConnectResultCode.NotAuthorized:
            case MqttClientConnectResultCode.ClientIdentifierNotValid:
                LastError = $"the broker said not authorized ({code}): check --username/--password and that the broker knows this node";
                return MqttLinkStatus.NotAuthorized;
            default:
                LastError = $"the broker refused the connection: {code} {reason}".TrimEnd();
                return MqttLinkStatus.Refused;
        }
    }

    private MqttLinkStatus FromException(Exception ex)
    {
        string all = ex.ToString();
        if (_tlsProblem != null)
        {
            LastError = "TLS failed: " + _tlsProblem;
            return MqttLinkStatus.TlsFailed;
        }

        foreach (MqttClientConnectResultCode code in new[] { MqttClientConnectResultCode.BadUserNameOrPassword, MqttClientConnectResultCode.NotAuthorized, MqttClientConnectResultCode.ClientIdentifierNotValid, MqttClientConnectResultCode.ServerUnavailable, MqttClientConnectResultCode.UnsupportedProtocolVersion })
        {
            if (all.Contains(code.ToString(), StringComparison.Ordinal))
            {
                return FromConnack(code, null);
            }
        }

        if (Has<AuthenticationException>(ex))
        {
            LastError = $"TLS failed: the TLS handshake with {_endpoint} was refused ({Innermost(ex).Message}); an expired or unknown client certificate, or a plain-MQTT port, causes this";
            return MqttLinkStatus.TlsFailed;
        }

        if (_serverVerified)
        {
            // The broker's certificate was fine, yet the broker dropped the connection before CONNACK:
            // with require_certificate that is how a missing, expired or unknown client certificate ends.
            LastError = $"TLS failed: {_endpoint} closed the connection after its certificate verified ({Innermost(ex).Message}); it probably refused the client certificate (missing, expired, or not signed by its CA: see --cert/--key)";
            return MqttLinkStatus.TlsFailed;
        }

        if (Has<SocketException>(ex) || Has<OperationCanceledException>(ex) || Has<TimeoutException>(ex))
        {
            LastError = $"cannot reach the broker at {_endpoint}: {Innermost(ex).Message}";
            return MqttLinkStatus.Unreachable;
        }

        if (_endpoint.UseTls && (Has<IOException>(ex) || all.Contains("SSL", StringComparison.OrdinalIgnoreCase)))
        {
            LastError = $"TLS failed: the connection to {_endpoint} closed during the handshake ({Innermost(ex).Message}); the broker may have refused the client certificate";
            return MqttLinkStatus.TlsFailed;
        }

        LastError = $"connection to {_endpoint} failed: {Innermost(ex).Message}";
        return MqttLinkStatus.Unreachable;
    }

    private static bool Has<T>(Exception ex)
        where T : Exception
    {
        for (Exception? e = ex; e != null; e = e.InnerException)
        {
            if (e is T)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException != null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
