using System;
using System.IO;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;

namespace SensorNode.Tests.Provisioning;

/// <summary>Example node.json, PEM files and identity shared by the host provisioning tests.</summary>
internal static class Fixtures
{
    public const string WifiPassword = "correct horse battery";
    public const string MqttPassword = "s3cret-pass";

    public static readonly DeviceIdentity Identity = new("node-0000", "esp32-devkitc", "0.1.0");

    /// <summary>
    /// The example node.json plus <paramref name="extra"/>; a field that <paramref name="extra"/> sets again is left
    /// out of the example, since node.json refuses a key given twice.
    /// </summary>
    public static string NodeJson(string nodeId = "greenhouse-1", string extra = "")
    {
        var lines = BaseNodeJson(nodeId, extra).Split('\n');
        return string.Join('\n', Array.FindAll(lines, line =>
        {
            string trimmed = line.TrimStart();
            int end = trimmed.StartsWith('"') ? trimmed.IndexOf('"', 1) : -1;
            return end < 0 || trimmed.EndsWith(extra, StringComparison.Ordinal) || !extra.Contains(trimmed[..(end + 1)] + ":", StringComparison.Ordinal);
        }));
    }

    private static string BaseNodeJson(string nodeId, string extra) => $$"""
        {
          "nodeId": "{{nodeId}}",
          "topicPrefix": "sensornode",
          "wifiSsid": "Greenhouse",
          "wifiPassword": "{{WifiPassword}}",
          "brokerHost": "broker.local",
          "brokerPort": 8883,
          "useTls": true,
          "mqttUsername": "node",
          "mqttPassword": "{{MqttPassword}}",
          "mode": "deepSleep",
          "sampleIntervalSeconds": 300{{extra}}
        }
        """;

    public static string Pem(string label, int bodyLines)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine($"-----BEGIN {label}-----");
        var random = new Random(bodyLines);
        for (int i = 0; i < bodyLines; i++)
        {
            var bytes = new byte[48];
            random.NextBytes(bytes);
            w.WriteLine(Convert.ToBase64String(bytes));
        }

        w.WriteLine($"-----END {label}-----");
        return w.ToString();
    }

    /// <summary>The repository's OTA test public key (docs/spec/vectors/ota/test-public.pem): a real RSA-3072 SPKI PEM.</summary>
    public static string OtaPublicKeyPem() => File.ReadAllText(Repo.Path("docs", "spec", "vectors", "ota", "test-public.pem"));

    /// <summary>A unique temporary directory, deleted by the caller.</summary>
    public static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sn-prov-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static NodeConfig Load(Core.Ports.IFileStore store)
    {
        var config = new NodeConfig();
        return new ConfigStore(store).Load(config) == ConfigLoadStatus.Unprovisioned ? throw new InvalidOperationException("unprovisioned") : config;
    }
}
