using SensorNode.Core;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;
using SensorNode.Host.Simulation;

namespace SensorNode.Host.Ota;

/// <summary>
/// A simulated node that updates itself over MQTT (docs/spec/mqtt.md §11): at each boot the loader's
/// <see cref="BootManager"/> picks the slot (trial, revert or confirmed), then the "application" runs the
/// telemetry session with the OTA command handler, publishes update reports on &lt;base&gt;/ota, confirms a
/// trial once connected and published, and reboots into a newly installed image. Reboots rebuild every
/// object over the same flash, link and readings buffer, as a device reset would (readings and sequence
/// are carried over as if persisted). Always-on: call <see cref="Step"/> in a loop; deep sleep:
/// <see cref="Wake"/> once per wake.
/// </summary>
public sealed class SimulatedOtaNode
{
    private readonly SimulatedOtaNodeOptions _o;
    private readonly IClock _clock;
    private bool _downloading;
    private readonly MqttConnectOptions _connect;
    private OtaAgent _agent = null!;
    private long _bootAtMilliseconds;
    private uint _nextSequence;

    /// <summary>Builds the node and boots it once (power on).</summary>
    public SimulatedOtaNode(SimulatedOtaNodeOptions options)
    {
        _o = options;
        _clock = options.Clock ?? new SystemClock();
        _connect = options.ConnectOptions ?? new MqttConnectOptions { ClientId = options.Config.NodeId, KeepAliveSeconds = options.Config.KeepAliveSeconds };
        Topics = new MqttTopics(options.Config.TopicPrefix, options.Config.NodeId);
        Pending = options.Pending ?? new PendingReadings(1024);
        _nextSequence = options.FirstSequence;
        Boot();
    }

    /// <summary>The node's topics.</summary>
    public MqttTopics Topics { get; }

    /// <summary>Readings not yet acknowledged by the broker (kept across reboots).</summary>
    public PendingReadings Pending { get; }

    /// <summary>Boots so far (power on = 1).</summary>
    public int Boots { get; private set; }

    /// <summary>The loader's decision at the last boot.</summary>
    public BootDecision Decision { get; private set; } = null!;

    /// <summary>Version of the image running since the last boot (FirmwareInfo.Version when no slot holds an image).</summary>
    public string RunningVersion { get; private set; } = FirmwareInfo.Version;

    /// <summary>False when the running version's simulated app crashed at start (the next step reboots).</summary>
    public bool AppRunning { get; private set; }

    /// <summary>This boot's session.</summary>
    public TelemetrySession Session { get; private set; } = null!;

    /// <summary>This boot's always-on runner.</summary>
    public AlwaysOnRunner Runner { get; private set; } = null!;

    /// <summary>This boot's updater.</summary>
    public OtaUpdater Updater => _agent.Updater;

    /// <summary>This boot's health report (firmware_version = <see cref="RunningVersion"/>).</summary>
    public HealthReport Health { get; private set; } = null!;

    /// <summary>Outcome of the last update run (Idle when none ran).</summary>
    public OtaOutcome LastOutcome { get; private set; }

    /// <summary>
    /// Reset: the loader decides (and writes its one state record), then the application objects are
    /// built afresh. A trial whose app does not start is reset again by the next <see cref="Step"/>.
    /// </summary>
    public BootDecision Boot()
    {
        if (Session != null)
        {
            _nextSequence = Runner.NextSequence;
            Session.Close();
        }

        Boots++;
        Decision = SimulatedLoader.Boot(_o.Store, _o.PublicKey, NewPolicy(), _o.Config.OtaMaxTrialBoots, out string running);
        RunningVersion = running;
        if (Boots > 1 || Decision.Action != BootAction.NoBootableImage)
        {
            // A first boot without slots is a node run without the loader: nothing to say.
            _o.Log.WriteLine($"  boot {Boots}: {Decision.Action} (table row {Decision.Row}), running {RunningVersion}{(Decision.IsTrial ? " on trial" : string.Empty)}");
        }
        Health = new HealthReport { BootCount = _o.BootCountBase + (uint)Boots, ResetReason = Boots == 1 ? ResetReason.PowerOn : ResetReason.Software, FirmwareVersion = RunningVersion };
        var verifier = new ImageVerifier(_o.Store, _o.PublicKey, ImageVerifier.DefaultChunkBytes);
        _agent = new OtaAgent(_o.Store, _o.Http, verifier, NewPolicy(), _o.Config, RunningVersion, _o.NextHandler, _o.Observer, _o.Reporter, _clock);
        _agent.Updater.StepMilliseconds = _o.OtaStepMilliseconds;
        _agent.Updater.ReadTimeoutMilliseconds = _o.OtaReadTimeoutMilliseconds;
        _agent.Updater.OrderTimeoutMilliseconds = _o.OtaOrderTimeoutMilliseconds;
        _downloading = false;
        var handler = new ConfigCommandHandler(_o.Config, _agent.Handler);
        Session = new TelemetrySession(_o.Link, Topics, _connect, handler, _clock, _agent.Observer, _o.MaxBatchReadings);
        _agent.Attach(Session);
        Runner = new AlwaysOnRunner(Session, _o.Source, _clock, _o.Config, Health, Pending, _agent.Observer) { NextSequence = _nextSequence };
        AlwaysOnRunner runner = Runner;
        handler.ConfigChanged += c =>
        {
            runner.RequestDiscovery(); // expire_after follows the interval
            _o.ConfigChanged?.Invoke(c);
        };
        AppRunning = _o.AppStarts?.Invoke(RunningVersion) ?? true;
        _bootAtMilliseconds = _clock.MonotonicMilliseconds;
        LastOutcome = OtaOutcome.Idle;
        if (!AppRunning)
        {
            _o.Log.WriteLine($"  app {RunningVersion} crashed at start");
        }

        return Decision;
    }

    /// <summary>
    /// One always-on step: sample, publish and answer commands (the runner), report the boot's update
    /// events once online, confirm a healthy trial, then run one bounded step of an accepted or unfinished update order
    /// (the device's step) and reboot into it when installed. True when the node rebooted during this step.
    /// </summary>
    public bool Step(bool allowSample)
    {
        if (!AppRunning || TrialTimedOut())
        {
            Boot();
            return true;
        }

        Runner.Step(allowSample);
        _agent.AfterOnline(Session);

        // As on the device (AlwaysOnNode): an accepted order, else once per boot an order a reset
        // interrupted, runs one bounded step per loop step, so sampling and commands go on in between.
        OtaOutcome outcome = _downloading ? _agent.Continue(_o.OtaStepBytes) : _agent.RunOrder(_o.OtaStepBytes);
        _downloading = outcome == OtaOutcome.Suspended;
        if (outcome == OtaOutcome.Idle)
        {
            return false;
        }

        LastOutcome = outcome;
        if (LastOutcome != OtaOutcome.Installed)
        {
            return false;
        }

        Boot();
        return true;
    }

    /// <summary>
    /// One deep-sleep wake over this boot: connect, publish health (the trial's health check), answer
    /// commands for <paramref name="listenMilliseconds"/>, run or continue an update within the awake
    /// extension <paramref name="budget"/> allows, announce sleep, and reset (the next wake is a fresh boot).
    /// </summary>
    public OtaWake Wake(OtaWakeBudget budget, int listenMilliseconds, int sleepSeconds)
    {
        if (!AppRunning)
        {
            Boot();
            return new OtaWake(0, 0, OtaOutcome.Idle, false);
        }

        bool online = Session.Connect() == MqttLinkStatus.Ok;
        if (online)
        {
            Health.UptimeSeconds = (_clock.MonotonicMilliseconds - _bootAtMilliseconds) / 1000;
            Session.PublishHealth(Health);
            _agent.AfterOnline(Session);
            long until = _clock.MonotonicMilliseconds + listenMilliseconds;
            while (_clock.MonotonicMilliseconds < until && !_agent.HasScheduledOrder)
            {
                Session.ProcessCommands(4);
                System.Threading.Thread.Sleep(20);
            }
        }

        LastOutcome = _agent.RunWithin(budget);
        if (online)
        {
            Session.Sleep(0, sleepSeconds);
        }

        OtaWake wake = new(_agent.LastExtraMilliseconds, _agent.LastByteBudget, LastOutcome, online);
        Boot();
        return wake;
    }

    private bool TrialTimedOut() => _agent.TrialTimedOut(_bootAtMilliseconds, _clock.MonotonicMilliseconds, _o.TrialHealthTimeoutMilliseconds);

    private ImagePolicy NewPolicy() => new(_o.Board, _o.Firmware, 0);
}
