using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using SensorNode.Host.Storage;

namespace SensorNode.Host.Collect;

/// <summary>
/// `sensornode collect`: a persistent MQTT 5 session (fixed client id, clean start off, QoS 1) whose messages are
/// stored by a <see cref="ReadingStore"/> in batched transactions and acknowledged only after the commit
/// (docs/spec/storage.md §4.1). Reconnects by itself; a crash loses nothing the broker kept for the session.
/// </summary>
public sealed class TelemetryCollector : IDisposable
{
    private readonly CollectorOptions _options;
    private readonly ReadingStore _store;
    private readonly TextWriter _log;
    private readonly IMqttClient _client;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly X509Certificate2Collection? _ca;
    private readonly X509Certificate2Collection _clientCertificates = new();

    public TelemetryCollector(CollectorOptions options, ReadingStore store, TextWriter log)
    {
        _options = options;
        _store = store;
        _log = log;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessage;
        if (options.Endpoint.CaFile != null)
        {
            _ca = new X509Certificate2Collection();
            _ca.ImportFromPemFile(options.Endpoint.CaFile);
        }

        if (options.Endpoint.CertFile != null && options.Endpoint.KeyFile != null)
        {
            using X509Certificate2 pem = X509Certificate2.CreateFromPemFile(options.Endpoint.CertFile, options.Endpoint.KeyFile);
            _clientCertificates.Add(X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null));
        }
    }

    /// <summary>Totals since start: messages, readings stored, duplicates dropped, malformed batches, gaps opened.</summary>
    public IngestReport Totals { get; private set; } = new(0, 0, 0, 0, 0);

    /// <summary>
    /// Connects (throwing <see cref="CollectorException"/> when the broker refuses the first attempt), then stores
    /// messages until <paramref name="stop"/> is cancelled; reconnects after broker restarts.
    /// </summary>
    public async Task RunAsync(CancellationToken stop)
    {
        await ConnectAsync(stop).ConfigureAwait(false);
        _log.WriteLine($"collect: {_options.Endpoint} as '{_options.ClientId}' into {_store.Description} ({string.Join(", ", CollectorTopics.Filters(_options.Prefix, _options.ShareGroup))})");
        Task keeper = KeepConnectedAsync(stop);
        try
        {
            await StoreLoopAsync(stop).ConfigureAwait(false);
        }
        finally
        {
            await keeper.ConfigureAwait(false);
            try
            {
                // A normal DISCONNECT: the session stays (its expiry was set in CONNECT), unacknowledged messages come again.
                if (_client.IsConnected)
                {
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await _client.DisconnectAsync(new MqttClientDisconnectOptions(), cts.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _log.WriteLine($"collect: disconnect: {ex.Message}");
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
    {
        string topic = e.ApplicationMessage.Topic;
        if (!CollectorTopics.TryParse(_options.Prefix, topic, out string node, out TopicKind kind))
        {
            return Task.CompletedTask; // not ours: acknowledged by MQTTnet at once
        }

        e.AutoAcknowledge = false;
        byte[] payload = e.ApplicationMessage.Payload.IsEmpty ? Array.Empty<byte>() : System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload);
        var message = new TelemetryMessage(topic, node, kind, payload, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        _queue.Writer.TryWrite(new Pending(message, e));
        return Task.CompletedTask;
    }

    private async Task StoreLoopAsync(CancellationToken stop)
    {
        var batch = new List<Pending>(_options.MaxMessagesPerTransaction);
        var messages = new List<TelemetryMessage>(_options.MaxMessagesPerTransaction);
        DateTime lastReport = DateTime.UtcNow;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            batch.Clear();
            messages.Clear();
            while (batch.Count < _options.MaxMessagesPerTransaction && _queue.Reader.TryRead(out Pending? p))
            {
                batch.Add(p);
                messages.Add(p.Message);
            }

            IngestReport? report = null;
            while (report == null)
            {
                try
                {
                    report = _store.Ingest(messages, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                }
                catch (StorageException ex)
                {
                    // Nothing was acknowledged: the broker still holds every message of this batch for the session.
                    _log.WriteLine($"collect: {ex.Message}; retrying in 2 s");
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(2), stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }

            foreach (Pending p in batch)
            {
                try
                {
                    await p.Args.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The connection dropped after the commit: the broker sends the message again, (node, seq) drops it.
                }
            }

            Totals = new IngestReport(Totals.Messages + report.Messages, Totals.ReadingsStored + report.ReadingsStored, Totals.Duplicates + report.Duplicates, Totals.Malformed + report.Malformed, Totals.GapsOpened + report.GapsOpened);
            if (report.Malformed > 0 || report.GapsOpened > 0 || DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = DateTime.UtcNow;
                _log.WriteLine($"collect: {Totals.ReadingsStored} readings stored, {Totals.Duplicates} duplicates dropped, {Totals.Malformed} malformed batches kept aside, {Totals.GapsOpened} gaps recorded");
            }
        }
    }

    private async Task KeepConnectedAsync(CancellationToken stop)
    {
        var wait = TimeSpan.FromMilliseconds(250);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_client.IsConnected)
            {
                wait = TimeSpan.FromMilliseconds(250);
                continue;
            }

            try
            {
                await ConnectAsync(stop).ConfigureAwait(false);
                _log.WriteLine($"collect: reconnected to {_options.Endpoint}");
                wait = TimeSpan.FromMilliseconds(250);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                wait = TimeSpan.FromMilliseconds(Math.Min(5000, wait.TotalMilliseconds * 2));
            }
        }
    }

    private async Task ConnectAsync(CancellationToken stop)
    {
        MqttClientOptions options = MqttEndpointOptions();
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(stop);
            cts.CancelAfter(TimeSpan.FromSeconds(_options.Endpoint.TimeoutSeconds * 2));
            MqttClientConnectResult result = await _client.ConnectAsync(options, cts.Token).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new CollectorException($"the broker {_options.Endpoint} refused the collector ({result.ResultCode}); check --username/--password, the broker's ACL and that no other collector uses --client-id {_options.ClientId}");
            }

            MqttClientSubscribeOptionsBuilder subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder();
            foreach (string filter in CollectorTopics.Filters(_options.Prefix, _options.ShareGroup))
            {
                subscribe.WithTopicFilter(f => f.WithTopic(filter).WithAtLeastOnceQoS());
            }

            MqttClientSubscribeResult subscribed = await _client.SubscribeAsync(subscribe.Build(), cts.Token).ConfigureAwait(false);
            foreach (MqttClientSubscribeResultItem item in subscribed.Items)
            {
                if ((int)item.ResultCode > 2)
                {
                    throw new CollectorException($"the broker refused the subscription {item.TopicFilter.Topic}: {item.ResultCode}; check the collector's user in the broker's ACL (it needs read on {_options.Prefix}/#)");
                }
            }
        }
        catch (Exception ex) when (ex is AuthenticationException || ex.InnerException is AuthenticationException)
        {
            throw new CollectorException($"TLS with {_options.Endpoint} failed: {ex.GetBaseException().Message}; check --ca and the broker's certificate");
        }
        catch (Exception ex) when (ex is not CollectorException and not OutOfMemoryException)
        {
            string all = ex.ToString();
            foreach (string refusal in new[] { "BadUserNameOrPassword", "NotAuthorized", "ClientIdentifierNotValid" })
            {
                if (all.Contains(refusal, StringComparison.Ordinal))
                {
                    throw new CollectorException($"the broker {_options.Endpoint} refused the collector ({refusal}); check --username/--password and the broker's ACL");
                }
            }

            throw new CollectorException($"cannot connect to {_options.Endpoint}: {ex.GetBaseException().Message}; check --broker and that the broker runs");
        }
    }

    private MqttClientOptions MqttEndpointOptions()
    {
        MqttClientOptionsBuilder b = new MqttClientFactory().CreateClientOptionsBuilder()
            .WithTcpServer(_options.Endpoint.Host, _options.Endpoint.Port)
            .WithClientId(_options.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(_options.SessionExpirySeconds)
            .WithReceiveMaximum((ushort)Math.Clamp(_options.MaxMessagesPerTransaction, 1, ushort.MaxValue))
            .WithTimeout(TimeSpan.FromSeconds(_options.Endpoint.TimeoutSeconds));
        if (_options.Username != null)
        {
            b.WithCredentials(_options.Username, _options.Password ?? string.Empty);
        }

        if (_options.Endpoint.UseTls)
        {
            b.WithTlsOptions(o =>
            {
                o.UseTls(true).WithTargetHost(_options.Endpoint.Host).WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                 .WithCertificateValidationHandler(e => Validate(e.Certificate, e.SslPolicyErrors));
                if (_clientCertificates.Count > 0)
                {
                    o.WithClientCertificates(_clientCertificates);
                }
            });
        }

        return b.Build();
    }

    private bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        if (_ca == null)
        {
            return errors == SslPolicyErrors.None;
        }

        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }

    private sealed record Pending(TelemetryMessage Message, MqttApplicationMessageReceivedEventArgs Args);
}
