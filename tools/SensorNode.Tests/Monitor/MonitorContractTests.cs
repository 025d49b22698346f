using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli;

using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Monitor;

/// <summary>
/// `sensornode monitor` reads exactly what docs/spec/mqtt.md says nodes publish: every key of the spec's
/// payload vectors, and everything a real `sensornode simulate` run leaves on the broker.
/// </summary>
[TestClass]
public sealed class MonitorContractTests
{

    private static string Compact(JsonElement e) => JsonSerializer.Serialize(e);

    private static string Vector(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "mqtt", name)).Trim();

    [TestMethod]
    public async Task SpecVectors_EveryKeyReachesTheSnapshot()
    {
        string health = Vector("health_example.json");
        string state = Vector("state_one_reading.json");
        string sleep = Vector("sleep_example.json");
        await using EmbeddedBroker broker = await EmbeddedBroker.StartAsync();
        await broker.PublishRetainedAsync(("sensornode/n1/status", "sleeping"), ("sensornode/n1/sleep", sleep), ("sensornode/n1/state", state), ("sensornode/n1/health", health));

        var r = CliRunner.Run("monitor", "--broker", broker.Url, "--once", "--json", "--wait", "2s");

        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        using JsonDocument doc = JsonDocument.Parse(r.Stdout);
        JsonElement node = doc.RootElement.GetProperty("nodes")[0];
        using (JsonDocument published = JsonDocument.Parse(health))
        {
            foreach (JsonProperty p in published.RootElement.EnumerateObject())
            {
                Assert.AreEqual(Compact(p.Value), Compact(node.GetProperty("health").GetProperty(p.Name)), "health key " + p.Name);
            }
        }

        using (JsonDocument published = JsonDocument.Parse(state))
        {
            foreach (JsonProperty p in published.RootElement.EnumerateObject())
            {
                JsonElement got = node.GetProperty("values").TryGetProperty(p.Name, out JsonElement value) ? value : node.GetProperty(p.Name);
                Assert.AreEqual(Compact(p.Value), Compact(got), "state key " + p.Name);
            }
        }

        Assert.AreEqual(1764254700000, node.GetProperty("sleep").GetProperty("next_wake").GetInt64());
        Assert.AreEqual(300, node.GetProperty("sleep").GetProperty("sleep_s").GetInt32());

        // The vector's level is "warning" with 2 humidity errors; its next wake (2025-11-27) is long past.
        CollectionAssert.AreEquivalent(
            new[] { "health level warning", "sensor errors: humidity 2", "late: expected to wake at 2025-11-27T14:45:00Z" },
            node.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToArray());
    }

    [TestMethod]
    [Timeout(180000, CooperativeCancellation = true)]
    public async Task RealSimulate_ThenMonitor_SeesEveryValueAndHealthField()
    {
        await using EmbeddedBroker broker = await EmbeddedBroker.StartAsync();
        var sim = await Task.Run(() => CliRunner.Run("simulate", "--broker", broker.Url, "--node-id", "qa-node", "--interval", "1s", "--cycles", "3"));
        Assert.AreEqual(0, sim.ExitCode, sim.Stderr + sim.Stdout);

        var r = CliRunner.Run("monitor", "--broker", broker.Url, "--once", "--json", "--wait", "2s");

        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        using JsonDocument doc = JsonDocument.Parse(r.Stdout);
        JsonElement node = doc.RootElement.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "qa-node");
        Assert.AreEqual("offline", node.GetProperty("status").GetString(), "simulate goes offline deliberately when it stops");
        Assert.AreEqual(2, node.GetProperty("seq").GetInt64());
        Assert.AreEqual(JsonValueKind.False, node.GetProperty("anomaly").ValueKind);
        Assert.AreEqual(JsonValueKind.Number, node.GetProperty("timestamp").ValueKind);
        foreach (string channel in new[] { "temperature", "humidity", "pressure", "vibration_rms", "crest_factor" })
        {
            Assert.AreEqual(JsonValueKind.Number, node.GetProperty("values").GetProperty(channel).ValueKind, channel);
        }

        JsonElement health = node.GetProperty("health");
        foreach (string key in new[] { "level", "boot_count", "reset_reason", "uptime_s", "sensor_errors", "buffer_fill", "buffer_capacity", "readings_dropped", "firmware_version", "config_version" })
        {
            Assert.AreNotEqual(JsonValueKind.Null, health.GetProperty(key).ValueKind, "health key " + key + " in " + health.GetRawText());
        }

        Assert.AreEqual("ok", health.GetProperty("level").GetString());
        Assert.AreEqual(0, node.GetProperty("warnings").GetArrayLength(), node.GetProperty("warnings").GetRawText());
    }
}
