using System;
using System.Globalization;
using System.IO;
using SensorNode.Cli.CommandLine;
using SensorNode.Core.Telemetry;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Sensors;

namespace SensorNode.Cli.Commands;

/// <summary>The validated options of `sensornode simulate`; every problem is one CliException line.</summary>
internal sealed class SimulateOptions
{
    public MqttEndpoint? Broker { get; private init; }

    public int EmbeddedPort { get; private init; }

    public string NodeId { get; private init; } = "node1";

    public string Prefix { get; private init; } = MqttTopics.DefaultPrefix;

    public string? CaFile { get; private init; }

    public string? CertFile { get; private init; }

    public string? KeyFile { get; private init; }

    public string? Username { get; private init; }

    public string? Password { get; private init; }

    public int IntervalSeconds { get; private init; }

    public long Cycles { get; private init; }

    public string? StateDirectory { get; private init; }

    public string Scenario { get; private init; } = "normal";

    public int Seed { get; private init; }

    public int KeepAliveSeconds { get; private init; }

    /// <summary>Deep-sleep mode (every wake a fresh boot from --state) rather than always-on.</summary>
    public bool DeepSleep { get; private init; }

    /// <summary>Public key OTA images must be signed with (--ota-pubkey), or null: the provisioned key, else the firmware's.</summary>
    public string? OtaPublicKeyFile { get; private init; }

    /// <summary>Signed image placed in slot A of a node whose flash holds none (--ota-image), as flash.ps1 does for the loader.</summary>
    public string? OtaFactoryImage { get; private init; }

    /// <summary>Serial device for the provisioning console (--serial), or null.</summary>
    public string? Serial { get; private init; }

    public static SimulateOptions From(ParsedOptions a)
    {
        string mode = a.Optional("--mode") ?? "always-on";
        if (mode != "always-on" && mode != "deep-sleep")
        {
            throw new CliException($"--mode must be always-on or deep-sleep, got '{mode}'");
        }

        if (mode == "deep-sleep" && a.Optional("--state") == null)
        {
            throw new CliException("--mode deep-sleep needs --state DIR (the node's flash: every wake boots from it)");
        }

        if (mode == "always-on")
        {
            foreach (string option in DeepSleepMode.OnlyHere)
            {
                if (a.Has(option))
                {
                    throw new CliException($"{option} applies to --mode deep-sleep only");
                }
            }
        }

        MqttEndpoint? broker = null;
        string? brokerText = a.Optional("--broker");
        if (brokerText != null)
        {
            broker = MqttEndpoint.TryParse(brokerText, out string error) ?? throw new CliException(error);
        }

        string nodeId = a.Optional("--node-id") ?? "node1";
        string prefix = a.Optional("--prefix") ?? MqttTopics.DefaultPrefix;
        TopicStatus topic = MqttTopics.Validate(prefix, nodeId);
        if (topic != TopicStatus.Ok)
        {
            throw new CliException(topic switch
            {
                TopicStatus.NodeIdLength or TopicStatus.NodeIdCharacter => $"--node-id must be 1..32 characters of a-z, 0-9, '_' or '-', got '{nodeId}'",
                _ => $"--prefix must be 1..64 characters of A-Z, a-z, 0-9, '_', '-' or inner '/', got '{prefix}'",
            });
        }

        string? otaKey = ExistingFile(a, "--ota-pubkey");
        string? otaImage = ExistingFile(a, "--ota-image");
        if ((otaKey != null || otaImage != null) && a.Has("--broker-down"))
        {
            throw new CliException($"{(otaKey != null ? "--ota-pubkey" : "--ota-image")}: updates need a broker; --broker-down simulates the network without one");
        }

        string? ca = ExistingFile(a, "--ca");
        string? cert = ExistingFile(a, "--cert");
        string? key = ExistingFile(a, "--key");
        if ((cert == null) != (key == null))
        {
            throw new CliException("--cert and --key go together (a client certificate and its private key, PEM)");
        }

        if ((ca != null || cert != null) && broker?.UseTls != true)
        {
            throw new CliException("--ca, --cert and --key need a TLS broker: --broker mqtts://host:port");
        }

        string? user = a.Optional("--username");
        string? password = a.Optional("--password");
        if (password != null && user == null)
        {
            throw new CliException("--password needs --username");
        }

        string scenario = a.Optional("--scenario") ?? "normal";
        if (Array.IndexOf(SimulatedNodeSensors.Scenarios, scenario) < 0)
        {
            throw new CliException($"--scenario must be one of {string.Join(", ", SimulatedNodeSensors.Scenarios)}, got '{scenario}'");
        }

        string? cycles = a.Optional("--cycles");
        return new SimulateOptions
        {
            Broker = broker,
            EmbeddedPort = a.Int("--embedded-port", 1, 65535, 1883),
            NodeId = nodeId,
            Prefix = prefix,
            CaFile = ca,
            CertFile = cert,
            KeyFile = key,
            Username = user,
            Password = password,
            IntervalSeconds = Interval(a.Optional("--interval") ?? (mode == "deep-sleep" ? "5m" : "5s")),
            Cycles = cycles == null ? 0 : a.Int("--cycles", 1, int.MaxValue),
            StateDirectory = a.Optional("--state"),
            Scenario = scenario,
            Seed = a.Int("--seed", int.MinValue, int.MaxValue, 1),
            KeepAliveSeconds = a.Int("--keepalive", 2, 65535, 60),
            DeepSleep = mode == "deep-sleep",
            Serial = a.Optional("--serial"),
            OtaPublicKeyFile = otaKey,
            OtaFactoryImage = otaImage,
        };
    }

    /// <summary>Parses "30", "30s", "5m", "2h", "1d" to seconds (1 s .. 1 day).</summary>
    public static int Interval(string text)
    {
        string t = text.Trim().ToLowerInvariant();
        int unit = 1;
        if (t.Length > 0 && char.IsLetter(t[^1]))
        {
            unit = t[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => 0 };
            t = t[..^1];
        }

        if (unit == 0 || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n < 1 || n * unit > 86400)
        {
            throw new CliException($"--interval must be a whole number of seconds, minutes or hours between 1s and 1d (e.g. 1s, 30s, 5m, 2h), got '{text}'");
        }

        return (int)(n * unit);
    }

    private static string? ExistingFile(ParsedOptions a, string option)
    {
        string? path = a.Optional(option);
        if (path != null && !File.Exists(path))
        {
            throw new CliException($"{option}: no such file '{path}'");
        }

        return path;
    }
}
