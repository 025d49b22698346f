using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using MQTTnet;
using MQTTnet.Protocol;
using SensorNode.Core.Config;
using SensorNode.Core.Ota;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Ota;
using SensorNode.Core.Simulation;
using SensorNode.Host.Sensors;
using SensorNode.Host.Simulation;
using SensorNode.Host.Storage;
using EmbeddedBroker = SensorNode.Tests.Monitor.EmbeddedBroker;
using SensorNode.Tests.Ota;

namespace SensorNode.Tests.OtaMqtt;

/// <summary>
/// An embedded MQTT broker, the OTA tests' HTTP Range server, a directory "flash" holding image 1.0.0 in
/// slot A, a <see cref="SimulatedOtaNode"/> over a real MqttNetLink, and an operator client that sends
/// commands and records everything under the node's base topic.
/// </summary>
internal sealed class OtaMqttRig : IDisposable
{
    private readonly IMqttClient _operator = new MqttClientFactory().CreateMqttClient();
    private readonly MqttNetLink _link;

    public OtaMqttRig(byte[] installed, Func<string, bool>? appStarts = null, int maxTrialBoots = 3, int readTimeoutMilliseconds = 10_000)
    {
        Broker = EmbeddedBroker.StartAsync().GetAwaiter().GetResult();
        Server = new RangeHttpServer();
        Http = new HttpClientRange(TimeSpan.FromSeconds(60));
        Directory = Path.Combine(Path.GetTempPath(), "sn-otamqtt-" + Guid.NewGuid().ToString("N"));
        Store = new DirectoryFileStore(Directory);
        OtaNode.Install(Store, 0, installed);
        NodeId = "ota" + Guid.NewGuid().ToString("N")[..8];
        _link = new MqttNetLink(new MqttEndpoint { Host = "127.0.0.1", Port = Broker.Port, TimeoutSeconds = 20 }, TextWriter.Null);
        var config = new NodeConfig { NodeId = NodeId, SampleIntervalSeconds = 1, OtaMaxTrialBoots = maxTrialBoots, OtaChunkBytes = 1024 };
        Base = "sensornode/" + NodeId;
        _operator.ApplicationMessageReceivedAsync += e =>
        {
            Messages.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray())));
            return System.Threading.Tasks.Task.CompletedTask;
        };
        _operator.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Broker.Port).WithClientId("operator-" + NodeId).WithTimeout(TimeSpan.FromSeconds(20)).Build()).GetAwaiter().GetResult();
        _operator.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Base + "/#", MqttQualityOfServiceLevel.AtLeastOnce).Build()).GetAwaiter().GetResult();
        Node = new SimulatedOtaNode(new SimulatedOtaNodeOptions
        {
            Store = Store,
            Link = _link,
            Http = Http,
            PublicKey = OtaVectors.PublicKey(),
            Config = config,
            Source = SimulatedNodeSensors.Create(config, "normal", 7, new SimulatedClock()),
            Board = OtaVectors.Board,
            Firmware = OtaVectors.Firmware,
            AppStarts = appStarts,
            Log = Log,
            Reporter = new LogOtaReporter(Log),
            OtaReadTimeoutMilliseconds = readTimeoutMilliseconds,
        });
    }

    public EmbeddedBroker Broker { get; }

    public RangeHttpServer Server { get; }

    public HttpClientRange Http { get; }

    public string Directory { get; }

    public DirectoryFileStore Store { get; }

    public string NodeId { get; }

    public string Base { get; }

    public SimulatedOtaNode Node { get; }

    public StringWriter Log { get; } = new();

    /// <summary>(topic, text) of every message under the base topic, in arrival order.</summary>
    public ConcurrentQueue<(string Topic, string Text)> Messages { get; } = new();

    public static RSA Key { get; } = OtaVectors.PrivateKey();

    public static string OtaCommandJson(string id, string url, byte[] image)
    {
        var header = new ImageHeader();
        header.Parse(image, 0, Math.Min(image.Length, ImageFormat.MaxHeaderLength));
        return $"{{\"id\":\"{id}\",\"cmd\":\"ota\",\"url\":\"{url}\",\"version\":\"{header.VersionText}\",\"sha256\":\"{Convert.ToHexStringLower(header.PayloadSha256)}\"}}";
    }

    public void Send(string json, bool retain = false) =>
        _operator.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(Base + "/cmd").WithPayload(json).WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()).GetAwaiter().GetResult();

    /// <summary>Steps the always-on node until <paramref name="done"/> holds; fails after a generous safety limit.</summary>
    public void StepUntil(Func<bool> done, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(90);
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen; log:\n{Log}\nmessages:\n{string.Join("\n", Messages.Select(m => m.Topic + " " + m.Text))}");
            }

            Node.Step(allowSample: true);
            Thread.Sleep(20);
        }
    }

    /// <summary>Waits (without stepping) until a message matching <paramref name="match"/> arrived.</summary>
    public void WaitFor(Func<(string Topic, string Text), bool> match, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Messages.Any(match))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} never arrived; messages:\n{string.Join("\n", Messages.Select(m => m.Topic + " " + m.Text))}");
            }

            Thread.Sleep(20);
        }
    }

    public string[] On(string subtopic) => Messages.Where(m => m.Topic == Base + "/" + subtopic).Select(m => m.Text).ToArray();

    public JsonElement[] Ota() => On("ota").Select(t => JsonDocument.Parse(t).RootElement).ToArray();

    public bool OtaState(string state) => On("ota").Any(t => JsonDocument.Parse(t).RootElement.GetProperty("state").GetString() == state);

    public void Dispose()
    {
        try
        {
            _operator.DisconnectAsync().GetAwaiter().GetResult();
        }
        catch (Exception)
        {
        }

        _operator.Dispose();
        if (_link.IsConnected)
        {
            _link.Disconnect();
        }

        _link.Dispose();
        Http.Dispose();
        Server.Dispose();
        Broker.DisposeAsync().AsTask().GetAwaiter().GetResult();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
