using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace SensorNode.Tests.Mqtt;

/// <summary>A test-side MQTT consumer (MQTTnet) that records every message it receives.</summary>
internal sealed class Watcher : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly string[] _filters;

    public Watcher(Mosquitto broker, string caFile, string clientId, bool persistentSession, params string[] filters)
    {
        _filters = filters;
        using var ca = X509CertificateLoader.LoadCertificateFromFile(caFile);
        var trust = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(ca.RawData));
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(clientId)
            .WithCleanSession(!persistentSession)
            .WithCredentials(clientId.StartsWith("node", StringComparison.Ordinal) ? clientId : "watcher", Mosquitto.Password)
            .WithTimeout(TimeSpan.FromSeconds(20))
            .WithTlsOptions(o => o.UseTls().WithTrustChain(trust).WithTargetHost("127.0.0.1"))
            .Build();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Messages.Enqueue(new Received(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain));
            return System.Threading.Tasks.Task.CompletedTask;
        };
        Connect();
    }

    public ConcurrentQueue<Received> Messages { get; } = new();

    public bool IsConnected => _client.IsConnected;

    public void Connect()
    {
        _client.ConnectAsync(_options).GetAwaiter().GetResult();
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (string f in _filters)
        {
            subscribe.WithTopicFilter(f, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        if (_filters.Length > 0)
        {
            _client.SubscribeAsync(subscribe.Build()).GetAwaiter().GetResult();
        }
    }

    /// <summary>Keeps trying to reconnect until connected or the deadline passes.</summary>
    public void Reconnect(TimeSpan within)
    {
        DateTime deadline = DateTime.UtcNow + within;
        while (!_client.IsConnected)
        {
            try
            {
                Connect();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(300);
            }
        }
    }

    public void Publish(string topic, string payload, bool retain = false) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build()).GetAwaiter().GetResult();

    public IReadOnlyList<Received> On(string topic) => Messages.Where(m => m.Topic == topic).ToList();

    /// <summary>Waits (safety limit <paramref name="timeout"/>) until a received message satisfies the predicate.</summary>
    public Received WaitFor(Func<Received, bool> match, TimeSpan timeout, string what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Received? hit = Messages.FirstOrDefault(match);
            if (hit != null)
            {
                return hit;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"no message within {timeout.TotalSeconds} s: {what}; got {string.Join(", ", Messages.Select(m => m.Topic + "=" + m.Text).Take(30))}");
    }

    public void Dispose()
    {
        try
        {
            if (_client.IsConnected)
            {
                _client.DisconnectAsync().GetAwaiter().GetResult();
            }
        }
        catch (Exception)
        {
            // best effort in cleanup
        }

        _client.Dispose();
    }

    internal sealed record Received(string Topic, byte[] Payload, bool Retain)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Payload);
    }
}
