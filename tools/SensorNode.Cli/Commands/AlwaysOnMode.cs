using System;
using System.IO;
using System.Threading;
using SensorNode.Core.Config;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Ota;
using SensorNode.Host.Sensors;
using SensorNode.Host.Simulation;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode simulate` in always-on mode: one session that stays connected and publishes every sample,
/// and takes signed updates like the device application (SimulatedOtaNode: loader boot decision, "ota"
/// command, download with HTTP Range into the inactive slot in the node's flash, trial, confirm or roll back).
/// </summary>
internal static class AlwaysOn
{
    public static int Run(SimulateOptions o, NodeConfig config, MqttEndpoint endpoint, bool embedded, IFileStore flash, string? flashDirectory, MqttConnectOptions options, Action<NodeConfig> persist, CancellationToken stop, TextWriter stdout, TextWriter stderr)
    {
        var topics = new MqttTopics(config.TopicPrefix, config.NodeId);
        var pending = new PendingReadings(1024);
        var state = new AlwaysOnState(flash, pending.Capacity);
        int restored = state.LoadPending(pending);
        uint bootCount = state.CountBoot();
        (RsaPublicKey key, string keySource) = SimulatorOta.Choose(o.OtaPublicKeyFile, flash, config);
        string? factory = SimulatorOta.PlaceFactoryImage(o.OtaFactoryImage, flash);

        stdout.WriteLine($"sensornode simulate: node '{config.NodeId}' -> {endpoint}{(embedded ? " (embedded broker)" : string.Empty)}, every {SampleCadence.EffectiveSeconds(config.SampleIntervalSeconds)} s{SampleCadence.Note(config.SampleIntervalSeconds)}, scenario {o.Scenario}, seed {o.Seed}{(o.Cycles > 0 ? $", {o.Cycles} samples" : string.Empty)}");
        stdout.WriteLine($"  watch it: mosquitto_sub -i watch-{config.NodeId} -h {endpoint.Host} -p {endpoint.Port}{(endpoint.UseTls ? " --cafile <ca.pem>" : string.Empty)} -t '{topics.Base}/#' -v");
        stdout.WriteLine(flashDirectory != null
            ? $"  state in {flashDirectory}: next seq {state.LoadNextSequence()}, {restored} unpublished readings restored, boot {bootCount}"
            : "  state in memory only (pass --state DIR to keep sequence numbers and unpublished readings across runs)");
        stdout.WriteLine($"  updates: {{\"cmd\":\"ota\",\"url\":...,\"version\":...,\"sha256\":...}} on {topics.Command}, images checked with {keySource}");
        if (factory != null)
        {
            stdout.WriteLine(factory);
        }

        var log = new ConsoleSessionObserver(stdout, topics);
        using var link = new MqttNetLink(endpoint, stdout);
        using var http = new HttpClientRange(TimeSpan.FromSeconds(30));
        var clock = new SystemClock();
        SimulatedNodeSensors sensors = SimulatedNodeSensors.Create(config, o.Scenario, o.Seed, clock);
        var node = new SimulatedOtaNode(new SimulatedOtaNodeOptions
        {
            Store = flash,
            Link = link,
            Http = http,
            PublicKey = key,
            Config = config,
            Source = sensors,
            Board = config.BoardProfile,
            ConnectOptions = options,
            Clock = clock,
            Observer = log,
            Reporter = new LogOtaReporter(stdout),
            NextHandler = new HostCommandHandler(stdout),
            ConfigChanged = c =>
            {
                stdout.WriteLine($"  config changed: interval {SampleCadence.EffectiveSeconds(c.SampleIntervalSeconds)} s{SampleCadence.Note(c.SampleIntervalSeconds)}, z threshold {c.ZThresholdMilli / 1000.0:0.###}, windows {c.AverageWindow}/{c.ZWindow}/{c.CrestWindow}, version {c.ConfigVersion}");
                persist(c);
                sensors.Reconfigure(c);
            },
            Log = stdout,
            Pending = pending,
            FirstSequence = state.LoadNextSequence(),
            BootCountBase = bootCount - 1,
        });

        (int exit, long samples) = Loop(o, node, link, state, stop, stderr);
        if (!state.SavePending(pending))
        {
            stderr.WriteLine($"sensornode simulate: {pending.Count} unpublished readings could not be stored");
        }
        state.SaveNextSequence(node.Runner.NextSequence);
        if (node.Session.State == SessionState.Online)
        {
            node.Session.GoOffline();
        }

        stdout.WriteLine(pending.Count == 0 || flashDirectory != null
            ? $"stopped after {samples} samples; {pending.Count} unpublished readings kept{(flashDirectory != null ? " in " + flashDirectory : string.Empty)}"
            : $"stopped after {samples} samples; {pending.Count} unpublished readings lost (pass --state DIR to keep them)");
        return exit;
    }

    private static (int Exit, long Samples) Loop(SimulateOptions o, SimulatedOtaNode node, MqttNetLink link, AlwaysOnState state, CancellationToken stop, TextWriter stderr)
    {
        DateTime? flushDeadline = null;
        long samples = 0;
        while (!stop.IsCancellationRequested)
        {
            bool more = o.Cycles == 0 || samples < o.Cycles;
            AlwaysOnRunner runner = node.Runner;
            long before = runner.SamplesTaken;
            node.Step(more);

            // A step may reboot the node into a new runner; the old one still holds what it sampled.
            if (runner.SamplesTaken != before)
            {
                samples += runner.SamplesTaken - before;
                state.SaveNextSequence(node.Runner.NextSequence);
            }

            TelemetrySession session = node.Session;
            if (session.State == SessionState.Backoff && IsRefusal(session.LastConnectStatus))
            {
                stderr.WriteLine($"sensornode simulate: the broker refused the node: {link.LastError}");
                return (ExitCodes.Failed, samples);
            }

            if (!more)
            {
                if (node.Pending.Count == 0 && session.State == SessionState.Online)
                {
                    return (ExitCodes.Ok, samples);
                }

                flushDeadline ??= DateTime.UtcNow.AddSeconds(60);
                if (DateTime.UtcNow > flushDeadline)
                {
                    stderr.WriteLine($"sensornode simulate: {node.Pending.Count} readings could not be published within 60 s: {link.LastError}");
                    return (ExitCodes.Failed, samples);
                }
            }

            stop.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(Math.Clamp(node.Runner.MillisecondsUntilSample, 20, 200)));
        }

        return (ExitCodes.Ok, samples);
    }

    private static bool IsRefusal(MqttLinkStatus status) =>
        status is MqttLinkStatus.TlsFailed or MqttLinkStatus.BadCredentials or MqttLinkStatus.NotAuthorized or MqttLinkStatus.Refused;
}
