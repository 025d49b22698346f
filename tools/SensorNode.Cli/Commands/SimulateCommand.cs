using System;
using System.CommandLine;
using Command = System.CommandLine.Command;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using SensorNode.Cli.CommandLine;
using SensorNode.Core.Config;
using SensorNode.Core.Ports;
using SensorNode.Core.Telemetry;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Provisioning;
using SensorNode.Host.Sensors;
using SensorNode.Host.Simulation;
using SensorNode.Host.Storage;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode simulate`: the firmware core with simulated sensors, publishing like a node
/// (docs/spec/mqtt.md). With no --broker it starts an embedded MQTTnet broker on 127.0.0.1:1883.
/// The node's configuration lives in --state (provisioning ConfigStore): provisioned over --serial or
/// changed by MQTT commands, it survives restarts; options given on the command line override it.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "run a simulated node that publishes over MQTT (embedded broker on 127.0.0.1:1883 by default); topics and payloads: docs/spec/mqtt.md; scenarios: docs/simulated-sensors.md; deep sleep: docs/spec/retained-state.md")
        {
            Opt.Value("--broker", "mqtt[s]://host[:port]", "an external broker instead of the embedded one"),
            Opt.Value("--embedded-port", "N", "port of the embedded broker [default: 1883]"),
            Opt.Value("--node-id", "ID", "node id in topics [default: node1]"),
            Opt.Value("--prefix", "P", "topic prefix [default: sensornode]"),
            Opt.Value("--ca", "ca.pem", "CA that signed the broker's certificate (mqtts://)"),
            Opt.Value("--cert", "node.pem", "client certificate (with --key)"),
            Opt.Value("--key", "node.key", "client certificate's private key (with --cert)"),
            Opt.Value("--username", "U", "MQTT user name"),
            Opt.Value("--password", "P", "MQTT password (needs --username)"),
            Opt.Value("--keepalive", "S", "MQTT keep-alive in seconds [default: 60]"),
            Opt.Value("--interval", "5s", "sample interval: 5s, 5m, 1h [default: 5s always-on, 5m deep-sleep]"),
            Opt.Value("--cycles", "N", "samples (always-on) or wakes (deep-sleep) to run, then exit [default: unbounded always-on]"),
            Opt.Value("--state", "DIR", "the node's flash: sequence numbers, unpublished readings, configuration"),
            Opt.Value("--scenario", "NAME", "normal|bearing-fault|dropouts|stuck|spikes|no-bme280|no-dht22|no-accel [default: normal]"),
            Opt.Value("--seed", "N", "random seed of the simulated sensors [default: 1]"),
            Opt.Value("--mode", "always-on|deep-sleep", "power mode [default: always-on]"),
            Opt.Value("--serial", "DEV", "serve the provisioning console on DEV until provisioned, then run with that configuration"),
            Opt.Value("--ota-pubkey", "PUB", "take signed updates checked with this key (default: the provisioned key, else the firmware's)"),
            Opt.Value("--ota-image", "IMG", "a signed image for slot A of a node whose flash has none (as flash.ps1 deploys with the loader)"),
            Opt.Value("--speed", "X", "deep-sleep: sleeps at X times real time (0 = as fast as possible) [default: 0]"),
            Opt.Value("--wakes", "N", "deep-sleep: wakes to run [default: 288]"),
            Opt.Value("--publish-every", "N", "deep-sleep: publish a batch every N wakes [default: 12]"),
            Opt.Value("--max-latency", "S", "deep-sleep: publish at the latest after S seconds"),
            Opt.Value("--capacity", "N", "deep-sleep: readings kept in flash"),
            Opt.Value("--awake-budget-ms", "MS", "deep-sleep: hard limit on awake time per wake"),
            Opt.Value("--broker-down", "K", "deep-sleep: a simulated network whose first K connection attempts fail"),
            Opt.Flag("--verbose", "deep-sleep: one line per wake"),
        };
        command.SetAction(r => Run(new ParsedOptions(r), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(ParsedOptions a, TextWriter stdout, TextWriter stderr)
    {
        SimulateOptions o = SimulateOptions.From(a);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(CliStop.Token);
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });

        string? tempFlash = o.StateDirectory == null && o.Serial != null ? Directory.CreateTempSubdirectory("sensornode-flash-").FullName : null;
        string? flashDirectory = o.StateDirectory ?? tempFlash;
        try
        {
            IFileStore flash = flashDirectory != null ? new DirectoryFileStore(flashDirectory) : new Core.Simulation.SimulatedFileStore();
            var configs = new SimulatorConfig(flash, flashDirectory);
            var config = new NodeConfig();
            bool stored = configs.TryLoad(config);
            if (!stored && o.Serial != null)
            {
                stored = Provision(o.Serial, flash, config, stdout, stop.Token);
                if (!stored)
                {
                    stdout.WriteLine("stopped before the node was provisioned");
                    return ExitCodes.Ok;
                }
            }
            else if (stored)
            {
                stdout.WriteLine($"  configuration version {config.ConfigVersion} loaded from {flashDirectory} (node {config.NodeId}); command-line options override it");
            }

            Apply(a, o, config, stored);
            Core.Provisioning.CertificateFiles.LoadPems(flash, config);
            MqttEndpoint? configured = o.Broker ?? (stored ? EmbeddedOr(configs.StoredBroker(config)) : null);
            int embeddedPort = a.Has("--embedded-port") || configured != null || !stored || !IsEmbedded(configs.StoredBroker(config)) ? o.EmbeddedPort : config.BrokerPort;
            using EmbeddedBroker? embedded = configured == null ? StartEmbedded(embeddedPort) : null;
            MqttEndpoint endpoint = (configured ?? new MqttEndpoint { Host = "127.0.0.1", Port = embeddedPort }).With(o.CaFile ?? configured?.CaFile, o.CertFile ?? configured?.CertFile, o.KeyFile ?? configured?.KeyFile);
            var options = new MqttConnectOptions { ClientId = config.NodeId, Username = NullIfEmpty(config.MqttUsername), Password = NullIfEmpty(config.MqttPassword), KeepAliveSeconds = config.KeepAliveSeconds };
            void Persist(NodeConfig c)
            {
                string? problem = flashDirectory == null ? null : configs.Save(c, endpoint);
                stdout.WriteLine(flashDirectory == null
                    ? "  config changed in memory only (pass --state DIR to keep it across restarts)"
                    : problem == null ? $"  config version {c.ConfigVersion} committed to {flashDirectory}" : $"  config change NOT persisted: {problem}");
            }

            return o.DeepSleep
                ? RunDeepSleep(a, o, config, endpoint, embedded != null, options, flash, Persist, stdout, stderr)
                : AlwaysOn.Run(o, config, endpoint, embedded != null, flash, flashDirectory, options, Persist, stop.Token, stdout, stderr);
        }
        finally
        {
            if (tempFlash != null)
            {
                Directory.Delete(tempFlash, true);
            }
        }
    }

    private static bool Provision(string device, IFileStore flash, NodeConfig config, TextWriter stdout, CancellationToken stop)
    {
        try
        {
            Core.Provisioning.ConfigFields.CopyAll(SerialConsoleHost.RunUntilProvisioned(device, flash, stdout, stop), config);
            return new SimulatorConfig(flash, null).TryLoad(config);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException ex)
        {
            throw new CliException($"--serial: cannot open {device}: {ex.Message}", ExitCodes.Failed);
        }
    }

    // Command-line options win over the stored configuration; without one, their defaults apply.
    private static void Apply(ParsedOptions a, SimulateOptions o, NodeConfig config, bool stored)
    {
        bool Given(string option) => a.Has(option) || !stored;
        config.NodeId = Given("--node-id") ? o.NodeId : config.NodeId;
        config.TopicPrefix = Given("--prefix") ? o.Prefix : config.TopicPrefix;
        config.SampleIntervalSeconds = a.Has("--interval") || !stored ? o.IntervalSeconds : config.SampleIntervalSeconds;
        config.KeepAliveSeconds = Given("--keepalive") ? o.KeepAliveSeconds : config.KeepAliveSeconds;
        if (Given("--username"))
        {
            config.MqttUsername = o.Username ?? string.Empty;
            config.MqttPassword = o.Password ?? string.Empty;
        }

        if (o.DeepSleep)
        {
            if (!stored && !a.Has("--interval"))
            {
                config.SampleIntervalSeconds = 300;
            }

            DeepSleepMode.Configure(a, config);
        }
        else
        {
            config.Mode = NodeMode.AlwaysOn;
        }
    }

    private static int RunDeepSleep(ParsedOptions a, SimulateOptions o, NodeConfig config, MqttEndpoint endpoint, bool embedded, MqttConnectOptions options, IFileStore flash, Action<NodeConfig> persist, TextWriter stdout, TextWriter stderr)
    {
        SimulatedNodeSensors? sensors = null;
        ISampleSource Sources(IClock world) => sensors = SimulatedNodeSensors.Create(config, o.Scenario, o.Seed, world);
        if (a.Has("--broker-down"))
        {
            stdout.WriteLine($"sensornode simulate: deep-sleep node '{config.NodeId}' on a simulated network (first {a.Optional("--broker-down")} connection attempts fail), scenario {o.Scenario}, seed {o.Seed}");
            return DeepSleepMode.Run(a, stdout, config, Sources, null);
        }

        (Core.Ota.RsaPublicKey key, string keySource) = SimulatorOta.Choose(o.OtaPublicKeyFile, flash, config);
        string? factory = SimulatorOta.PlaceFactoryImage(o.OtaFactoryImage, flash);
        using var http = new Host.Ota.HttpClientRange(TimeSpan.FromSeconds(30));
        using var uplinks = new DeepSleepUplinks(endpoint, config, options, stdout, a.Has("--verbose"))
        {
            Ota = new DeepSleepOta(flash, key, http, config.BoardProfile),
        };
        uplinks.ConfigChanged += c =>
        {
            persist(c);
            sensors?.Reconfigure(c);
        };
        stdout.WriteLine($"sensornode simulate: deep-sleep node '{config.NodeId}' -> {endpoint}{(embedded ? " (embedded broker)" : string.Empty)}, scenario {o.Scenario}, seed {o.Seed}");
        if (!endpoint.UseTls)
        {
            stdout.WriteLine($"WARNING: TLS is disabled for {endpoint}: credentials and readings travel in clear text. Use mqtts:// with --ca.");
        }

        stdout.WriteLine($"  updates: \"ota\" orders on {new MqttTopics(config.TopicPrefix, config.NodeId).Command} (retain them: a sleeping node reads them at its next radio wake), images checked with {keySource}");
        if (factory != null)
        {
            stdout.WriteLine(factory);
        }

        int exit = DeepSleepMode.Run(a, stdout, config, Sources, uplinks.Create);
        if (uplinks.Link is { LastError.Length: > 0 } link)
        {
            stdout.WriteLine($"  last MQTT error: {link.LastError}");
        }

        return exit;
    }

    private static MqttEndpoint? EmbeddedOr(MqttEndpoint? stored) => stored == null || IsEmbedded(stored) ? null : stored;

    // The simulator stores the embedded broker as plain MQTT on the loopback address.
    private static bool IsEmbedded(MqttEndpoint? e) => e != null && !e.UseTls && e.Host is "127.0.0.1" or "localhost";

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

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
