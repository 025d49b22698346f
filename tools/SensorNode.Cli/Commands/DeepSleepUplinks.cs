using System;
using System.IO;
using SensorNode.Core.Config;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;
using SensorNode.Host.Duty;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Ota;
using SensorNode.Host.Simulation;
using SensorNode.Core;
using SensorNode.Core.Ota;

namespace SensorNode.Cli.Commands;

/// <summary>
/// Makes the radio of each boot of a deep-sleeping simulated node: a new MQTTnet client, byte counter,
/// <see cref="TelemetrySession"/> and core <see cref="MqttUplink"/>, as a device has after a reset. Config
/// commands change the shared <see cref="NodeConfig"/> (the next wakes use it) and raise ConfigChanged.
/// With <see cref="Ota"/> set, each boot is also the loader's decision over the slots in the node's flash,
/// and the uplink is the device's core <see cref="OtaWakeUplink"/> over an <see cref="OtaAgent"/>.
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

    /// <summary>Signed updates (key, image source, flash), or null: the node takes no "ota" orders.</summary>
    public DeepSleepOta? Ota { get; init; }

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
        ISessionObserver? observer = _verbose ? new ConsoleSessionObserver(_log, topics) : null;
        OtaAgent? agent = null;
        string running = FirmwareInfo.Version;
        if (Ota is { } ota)
        {
            BootDecision decision = SimulatedLoader.Boot(ota.Flash, ota.Key, ota.Policy(), _config.OtaMaxTrialBoots, out running);
            if (decision.Action is not (BootAction.BootConfirmed or BootAction.NoBootableImage))
            {
                _log.WriteLine($"  boot: {decision.Action} (table row {decision.Row}), running {running}{(decision.IsTrial ? " on trial" : string.Empty)}");
            }

            var verifier = new ImageVerifier(ota.Flash, ota.Key, ImageVerifier.DefaultChunkBytes);
            agent = new OtaAgent(ota.Flash, ota.Http, verifier, ota.Policy(), _config, running, new HostCommandHandler(_log), observer!, new LogOtaReporter(_log), clock);
        }

        var handler = new ConfigCommandHandler(_config, agent?.Handler ?? new HostCommandHandler(_log));
        handler.ConfigChanged += c =>
        {
            _discoveryDue = true;
            ConfigChanged?.Invoke(c);
        };
        var session = new TelemetrySession(counter, topics, _options, handler, clock, agent?.Observer ?? observer!, WakeCycle.PublishChunkReadings);
        var uplink = new MqttUplink(counter, session, _config, clock) { DiscoveryDue = _discoveryDue };
        uplink.Report.FirmwareVersion = running;
        _discoveryDue = false;
        _last = uplink;
        if (agent == null)
        {
            return uplink;
        }

        agent.Attach(session);
        return new OtaWakeUplink(uplink, session, agent, _config, clock);
    }

    public void Dispose() => _link?.Dispose();
}

/// <summary>What a deep-sleeping simulated node updates with: its flash (the --state directory), the key, HTTP and its board.</summary>
internal sealed record DeepSleepOta(IFileStore Flash, RsaPublicKey Key, IHttpRange Http, string Board)
{
    /// <summary>The images it takes: its board, and the firmware table of the device build (OtaTarget).</summary>
    public ImagePolicy Policy() => new(Board, SensorNode.Ota.Device.OtaTarget.Firmware(), 0);
}
