using System;
using System.IO;
using SensorNode.Core.Config;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;
using SensorNode.Host.Duty;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Simulation;

namespace SensorNode.Cli.Commands;

/// <summary>
/// Makes the radio of each boot of a deep-sleeping simulated node: a new MQTTnet client, byte counter,
/// <see cref="TelemetrySession"/> and core <see cref="MqttUplink"/>, as a device has after a reset. Config
/// commands change the shared <see cref="NodeConfig"/> (the next wakes use it) and raise ConfigChanged.
/// </summary>
internal sealed class DeepSleepUplinks : IDisposable
{
    private readonly MqttEndpoint _endpoint;
    private readonly NodeConfig _config;
    private readonly MqttConnectOptions _options;
    private readonly TextWriter _log;
    private readonly bool _verbose;
    private MqttNetLink? _link;
    private MqttUplink? _last;
    private bool _discoveryDue;

    public DeepSleepUplinks(MqttEndpoint endpoint, NodeConfig config, MqttConnectOptions options, TextWriter log, bool verbose)
    {
        _endpoint = endpoint;
        _config = config;
        _options = options;
        _log = log;
        _verbose = verbose;
    }

    /// <summary>Raised after a command changed the configuration (persist it, rebuild the sampler).</summary>
    public event ConfigChangedHandler? ConfigChanged;

    /// <summary>The last boot's MQTT link (its LastError explains failures).</summary>
    public MqttNetLink? Link => _link;

    /// <summary>The uplink of one boot (disposes the previous boot's client).</summary>
    public IUplink Create(IDeepSleepClock clock)
    {
        _discoveryDue |= _last?.DiscoveryDue == true;
        _link?.Dispose();
        _link = new MqttNetLink(_endpoint, _verbose ? _log : TextWriter.Null);
        var counter = new MqttTrafficCounter(_link);
        var topics = new MqttTopics(_config.TopicPrefix, _config.NodeId);
        var handler = new ConfigCommandHandler(_config, new HostCommandHandler(_log));
        handler.ConfigChanged += c =>
        {
            _discoveryDue = true;
            ConfigChanged?.Invoke(c);
        };
        ISessionObserver? observer = _verbose ? new ConsoleSessionObserver(_log, topics) : null;
        var session = new TelemetrySession(counter, topics, _options, handler, clock, observer!, WakeCycle.PublishChunkReadings);
        var uplink = new MqttUplink(counter, session, _config, clock) { DiscoveryDue = _discoveryDue };
        _discoveryDue = false;
        _last = uplink;
        return uplink;
    }

    public void Dispose() => _link?.Dispose();
}
