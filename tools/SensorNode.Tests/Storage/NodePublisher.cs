using System;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SensorNode.Tests.Mqtt;

namespace SensorNode.Tests.Storage;

/// <summary>A test node (user and client id = node id) that publishes raw telemetry payloads at QoS 1 and waits for each PUBACK.</summary>
internal sealed class NodePublisher : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;

    public NodePublisher(Mosquitto broker, string caFile, string node)
    {
        Node = node;
        using var ca = X509CertificateLoader.LoadCertificateFromFile(caFile);
        var trust = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(ca.RawData));
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(node)
            .WithCleanSession(true)
            .WithCredentials(node, Mosquitto.Password)
            .WithTimeout(TimeSpan.FromSeconds(20))
            .WithTlsOptions(o => o.UseTls().WithTrustChain(trust).WithTargetHost("127.0.0.1"))
            .Build();
        Connect(TimeSpan.FromSeconds(60));
    }

    public string Node { get; }

    /// <summary>Publishes to &lt;prefix&gt;/node/telemetry; reconnects (within 60 s) when the broker went away.</summary>
    public void Telemetry(byte[] payload)
    {
        if (!_client.IsConnected)
        {
            Connect(TimeSpan.FromSeconds(60));
        }

        MqttClientPublishResult result = _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"sensornode/{Node}/telemetry").WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()).GetAwaiter().GetResult();
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{Node}: publish refused: {result.ReasonCode}");
        }
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

    private void Connect(TimeSpan within)
    {
        DateTime deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                _client.ConnectAsync(_options).GetAwaiter().GetResult();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                System.Threading.Thread.Sleep(200);
            }
        }
    }
}
