using System;
using System.IO;
using System.Threading;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Sensors;
using SensorNode.Host.Simulation;

namespace SensorNode.Cli.Commands;

/// <summary>`sensornode simulate` in always-on mode: one session that stays connected and publishes every sample.</summary>
internal static class AlwaysOn
{
    public static int Run(SimulateOptions o, NodeConfig config, MqttEndpoint endpoint, bool embedded, IFileStore flash, string? flashDirectory, MqttConnectOptions options, Action<NodeConfig> persist, CancellationToken stop, TextWriter stdout, TextWriter stderr)
    {
        var topics = new MqttTopics(config.TopicPrefix, config.NodeId);
        var state = new NodeStateStore(flash);
        var pending = new PendingReadings(1024);
        int restored = state.LoadPending(pending);
        var health = new HealthReport { BootCount = state.CountBoot(), ResetReason = ResetReason.PowerOn };

        stdout.WriteLine($"sensornode simulate: node '{config.NodeId}' -> {endpoint}{(embedded ? " (embedded broker)" : string.Empty)}, every {config.SampleIntervalSeconds} s, scenario {o.Scenario}, seed {o.Seed}{(o.Cycles > 0 ? $", {o.Cycles} samples" : string.Empty)}");
        stdout.WriteLine($"  watch it: mosquitto_sub -i watch-{config.NodeId} -h {endpoint.Host} -p {endpoint.Port}{(endpoint.UseTls ? " --cafile <ca.pem>" : string.Empty)} -t '{topics.Base}/#' -v");
        stdout.WriteLine(flashDirectory != null
            ? $"  state in {flashDirectory}: next seq {state.LoadNextSequence()}, {restored} unpublished readings restored, boot {health.BootCount}"
            : "  state in memory only (pass --state DIR to keep sequence numbers and unpublished readings across runs)");

        var log = new ConsoleSessionObserver(stdout, topics);
        using var link = new MqttNetLink(endpoint, stdout);
        var handler = new ConfigCommandHandler(config, new HostCommandHandler(stdout));
        var clock = new SystemClock();
        var session = new TelemetrySession(link, topics, options, handler, clock, log, 32);
        SimulatedNodeSensors sensors = SimulatedNodeSensors.Create(config, o.Scenario, o.Seed, clock);
        var runner = new AlwaysOnRunner(session, sensors, clock, config, health, pending, log)
        {
            NextSequence = state.LoadNextSequence(),
        };

        handler.ConfigChanged += c =>
        {
            stdout.WriteLine($"  config changed: interval {c.SampleIntervalSeconds} s, z threshold {c.ZThresholdMilli / 1000.0:0.###}, windows {c.AverageWindow}/{c.ZWindow}/{c.CrestWindow}, version {c.ConfigVersion}");
            persist(c);
            sensors.Reconfigure(c);
            runner.RequestDiscovery();
        };
        int exit = Loop(o, runner, session, link, state, stop, stderr);
        state.SavePending(pending);
        state.SaveNextSequence(runner.NextSequence);
        if (session.State == SessionState.Online)
        {
            session.GoOffline();
        }

        stdout.WriteLine(pending.Count == 0 || flashDirectory != null
            ? $"stopped after {runner.SamplesTaken} samples; {pending.Count} unpublished readings kept{(flashDirectory != null ? " in " + flashDirectory : string.Empty)}"
            : $"stopped after {runner.SamplesTaken} samples; {pending.Count} unpublished readings lost (pass --state DIR to keep them)");
        return exit;
    }

    private static int Loop(SimulateOptions o, AlwaysOnRunner runner, TelemetrySession session, MqttNetLink link, NodeStateStore state, CancellationToken stop, TextWriter stderr)
    {
        DateTime? flushDeadline = null;
        while (!stop.IsCancellationRequested)
        {
            bool more = o.Cycles == 0 || runner.SamplesTaken < o.Cycles;
            long before = runner.SamplesTaken;
            runner.Step(more);
            if (runner.SamplesTaken != before)
            {
                state.SaveNextSequence(runner.NextSequence);
            }

            if (session.State == SessionState.Backoff && IsRefusal(session.LastConnectStatus))
            {
                stderr.WriteLine($"sensornode simulate: the broker refused the node: {link.LastError}");
                return ExitCodes.Failed;
            }

            if (!more)
            {
                if (runner.Pending.Count == 0 && session.State == SessionState.Online)
                {
                    return ExitCodes.Ok;
                }

                flushDeadline ??= DateTime.UtcNow.AddSeconds(60);
                if (DateTime.UtcNow > flushDeadline)
                {
                    stderr.WriteLine($"sensornode simulate: {runner.Pending.Count} readings could not be published within 60 s: {link.LastError}");
                    return ExitCodes.Failed;
                }
            }

            stop.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(Math.Clamp(runner.MillisecondsUntilSample, 20, 200)));
        }

        return ExitCodes.Ok;
    }

    private static bool IsRefusal(MqttLinkStatus status) =>
        status is MqttLinkStatus.TlsFailed or MqttLinkStatus.BadCredentials or MqttLinkStatus.NotAuthorized or MqttLinkStatus.Refused;
}
