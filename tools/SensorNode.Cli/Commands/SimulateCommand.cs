using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Simulation;
using SensorNode.Host.Storage;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode simulate`: the firmware core with simulated sensors, publishing like a node
/// (docs/spec/mqtt.md). With no --broker it starts an embedded MQTTnet broker on 127.0.0.1:1883.
/// </summary>
internal static class SimulateCommand
{
    private static readonly string[] Valued =
    {
        "--broker", "--node-id", "--prefix", "--ca", "--cert", "--key", "--username", "--password", "--interval",
        "--cycles", "--mode", "--state", "--scenario", "--seed", "--keepalive", "--embedded-port",
    };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        CliArgs a = CliArgs.Parse(args, Valued, Array.Empty<string>());
        SimulateOptions o = SimulateOptions.From(a);
        using EmbeddedBroker? embedded = o.Broker == null ? StartEmbedded(o.EmbeddedPort) : null;
        MqttEndpoint endpoint = o.Broker ?? new MqttEndpoint { Host = "127.0.0.1", Port = o.EmbeddedPort };
        var topics = new MqttTopics(o.Prefix, o.NodeId);
        var config = new NodeConfig { NodeId = o.NodeId, TopicPrefix = o.Prefix, SampleIntervalSeconds = o.IntervalSeconds, KeepAliveSeconds = o.KeepAliveSeconds };
        var state = new NodeStateStore(o.StateDirectory != null ? new DirectoryFileStore(o.StateDirectory) : new Core.Simulation.SimulatedFileStore());
        var pending = new PendingReadings(1024);
        int restored = state.LoadPending(pending);
        var health = new HealthReport { BootCount = state.CountBoot(), ResetReason = ResetReason.PowerOn };

        stdout.WriteLine($"sensornode simulate: node '{o.NodeId}' -> {endpoint}{(embedded != null ? " (embedded broker)" : string.Empty)}, every {o.IntervalSeconds} s, scenario {o.Scenario}, seed {o.Seed}{(o.Cycles > 0 ? $", {o.Cycles} samples" : string.Empty)}");
        stdout.WriteLine($"  watch it: mosquitto_sub -i watch-{o.NodeId} -h {endpoint.Host} -p {endpoint.Port}{(endpoint.UseTls ? " --cafile <ca.pem>" : string.Empty)} -t '{topics.Base}/#' -v");
        stdout.WriteLine(o.StateDirectory != null
            ? $"  state in {o.StateDirectory}: next seq {state.LoadNextSequence()}, {restored} unpublished readings restored, boot {health.BootCount}"
            : "  state in memory only (pass --state DIR to keep sequence numbers and unpublished readings across runs)");

        var log = new ConsoleSessionObserver(stdout, topics);
        using var link = new MqttNetLink(endpoint.With(o.CaFile, o.CertFile, o.KeyFile), stdout);
        var handler = new ConfigCommandHandler(config, new HostCommandHandler(stdout));
        handler.ConfigChanged += c => stdout.WriteLine($"  config changed: interval {c.SampleIntervalSeconds} s, z threshold {c.ZThresholdMilli / 1000.0:0.###}, windows {c.AverageWindow}/{c.ZWindow}/{c.CrestWindow}, version {c.ConfigVersion}");
        var options = new MqttConnectOptions { ClientId = o.NodeId, Username = o.Username, Password = o.Password, KeepAliveSeconds = o.KeepAliveSeconds };
        var clock = new SystemClock();
        var session = new TelemetrySession(link, topics, options, handler, clock, log, 32);
        var runner = new AlwaysOnRunner(session, new BasicSampleSource(config, o.Scenario, o.Seed), clock, config, health, pending, log)
        {
            NextSequence = state.LoadNextSequence(),
        };

        handler.ConfigChanged += _ => runner.RequestDiscovery();
        using var stop = new CancellationTokenSource();
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        int exit = Loop(o, runner, session, link, state, stop.Token, stdout, stderr);
        state.SavePending(pending);
        state.SaveNextSequence(runner.NextSequence);
        if (session.State == SessionState.Online)
        {
            session.GoOffline();
        }

        stdout.WriteLine(pending.Count == 0 || o.StateDirectory != null
            ? $"stopped after {runner.SamplesTaken} samples; {pending.Count} unpublished readings kept{(o.StateDirectory != null ? " in " + o.StateDirectory : string.Empty)}"
            : $"stopped after {runner.SamplesTaken} samples; {pending.Count} unpublished readings lost (pass --state DIR to keep them)");
        return exit;
    }

    private static int Loop(SimulateOptions o, AlwaysOnRunner runner, TelemetrySession session, MqttNetLink link, NodeStateStore state, CancellationToken stop, TextWriter stdout, TextWriter stderr)
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

    private static EmbeddedBroker StartEmbedded(int port)
    {
        try
        {
            return EmbeddedBroker.Start(port);
        }
        catch (Exception ex) when (ex is SocketException || ex.InnerException is SocketException)
        {
            throw new CliException($"cannot start the embedded broker on 127.0.0.1:{port} ({ex.Message}); if a broker already runs there, pass --broker mqtt://127.0.0.1:{port}, or choose --embedded-port N", ExitCodes.Failed);
        }
    }
}
