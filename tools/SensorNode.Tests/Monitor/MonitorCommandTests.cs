using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli;

using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Monitor;

/// <summary>`sensornode monitor --once --json` against a real (in-process MQTTnet) broker holding a retained fleet.</summary>
[TestClass]
public sealed class MonitorCommandTests
{

    [TestMethod]
    public async Task OnceJson_ReportsEveryNodeOfARetainedFleet()
    {
        await using EmbeddedBroker broker = await EmbeddedBroker.StartAsync();
        await broker.PublishRetainedAsync(
            ("sensornode/node-a/status", "online"),
            ("sensornode/node-a/state", "{\"temperature\":21.53,\"humidity\":40.2,\"pressure\":1013.25,\"vibration_rms\":0.012,\"crest_factor\":3.1,\"anomaly\":false,\"seq\":42,\"timestamp\":\"2025-01-02T03:04:05Z\",\"future_key\":{\"x\":1}}"),
            ("sensornode/node-a/health", "{\"boot_count\":7,\"reset_reason\":\"deep_sleep\",\"uptime_s\":12,\"rssi_dbm\":-60,\"free_memory_bytes\":81234,\"sensor_errors\":0,\"buffer_fill\":5,\"buffer_capacity\":256,\"readings_dropped\":0,\"firmware_version\":\"0.1.0\",\"config_version\":3}"),
            ("sensornode/node-b/status", "sleeping"),
            ("sensornode/node-b/state", "{\"temperature\":35.0,\"vibration_rms\":0.5,\"crest_factor\":7.9,\"anomaly\":true,\"seq\":9}"),
            ("sensornode/node-b/health", "{\"rssi_dbm\":-88,\"sensor_errors\":{\"dht22\":3,\"bme280\":0},\"reset_reason\":\"brownout\",\"readings_dropped\":4}"),
            ("sensornode/node-c/status", "offline"),
            ("sensornode/node-c/state", "not json"),
            ("other/node-x/status", "online"));

        var r = CliRunner.Run("monitor", "--broker", broker.Url, "--once", "--json", "--wait", "2s");
        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        using JsonDocument doc = JsonDocument.Parse(r.Stdout);
        JsonElement root = doc.RootElement;
        Assert.AreEqual("sensornode", root.GetProperty("prefix").GetString());
        JsonElement[] nodes = root.GetProperty("nodes").EnumerateArray().ToArray();
        CollectionAssert.AreEqual(new[] { "node-a", "node-b", "node-c" }, nodes.Select(n => n.GetProperty("id").GetString()).ToArray());
        CollectionAssert.AreEqual(new[] { "online", "sleeping", "offline" }, nodes.Select(n => n.GetProperty("status").GetString()).ToArray());

        JsonElement a = nodes[0];
        Assert.AreEqual("21.53", a.GetProperty("values").GetProperty("temperature").GetRawText());
        Assert.AreEqual("1013.25", a.GetProperty("values").GetProperty("pressure").GetRawText());
        Assert.AreEqual(42, a.GetProperty("seq").GetInt32());
        Assert.IsFalse(a.GetProperty("anomaly").GetBoolean());
        Assert.AreEqual("2025-01-02T03:04:05Z", a.GetProperty("timestamp").GetString());
        Assert.AreEqual(81234, a.GetProperty("health").GetProperty("free_memory_bytes").GetInt32());
        Assert.AreEqual("0.1.0", a.GetProperty("health").GetProperty("firmware_version").GetString());
        Assert.AreEqual(0, a.GetProperty("warnings").GetArrayLength(), a.GetProperty("warnings").GetRawText());
        Assert.AreEqual(21.53, a.GetProperty("history").GetProperty("temperature")[0].GetDouble());
        Assert.IsFalse(a.TryGetProperty("future_key", out _));

        JsonElement b = nodes[1];
        Assert.IsTrue(b.GetProperty("anomaly").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, b.GetProperty("values").GetProperty("humidity").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, b.GetProperty("health").GetProperty("boot_count").ValueKind);
        CollectionAssert.AreEquivalent(
            new[] { "weak Wi-Fi signal (-88 dBm)", "4 readings dropped", "sensor errors: dht22 3", "last reset: brownout" },
            b.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToArray());

        JsonElement c = nodes[2];
        Assert.AreEqual(JsonValueKind.Null, c.GetProperty("values").GetProperty("temperature").ValueKind);
        CollectionAssert.AreEqual(new[] { "state payload is not valid JSON" }, c.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToArray());
    }

    [TestMethod]
    public async Task Once_WithAnotherPrefix_SeesOnlyThatFleet_AsText()
    {
        await using EmbeddedBroker broker = await EmbeddedBroker.StartAsync();
        await broker.PublishRetainedAsync(("plant/n1/status", "online"), ("plant/n1/state", "{\"temperature\":20.5}"), ("sensornode/n2/status", "online"));

        var r = CliRunner.Run("monitor", "--broker", broker.Url, "--prefix", "plant", "--once", "--wait", "1500ms");
        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        StringAssert.Contains(r.Stdout, "1 node(s)");
        StringAssert.Contains(r.Stdout, "n1  online");
        StringAssert.Contains(r.Stdout, "20.5");
        StringAssert.Contains(r.Stdout, "humidity");
        StringAssert.Contains(r.Stdout, "—");
        Assert.IsFalse(r.Stdout.Contains("n2", System.StringComparison.Ordinal), r.Stdout);
        Assert.IsFalse(r.Stdout.Contains('\u001b'), "no colour codes when writing to a non-terminal");
    }

    [TestMethod]
    public void UnreachableBroker_Exits1_WithOneLine()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var r = CliRunner.Run("monitor", "--broker", $"mqtt://127.0.0.1:{port}", "--once", "--json", "--timeout", "5s");
        Assert.AreEqual(1, r.ExitCode);
        Assert.AreEqual(string.Empty, r.Stdout);
        StringAssert.StartsWith(r.Stderr, $"sensornode monitor: cannot connect to mqtt://127.0.0.1:{port}");
        Assert.AreEqual(1, r.Stderr.TrimEnd().Split('\n').Length, r.Stderr);
    }

    [TestMethod]
    [DataRow("--once", "missing required option --broker")]
    [DataRow("--broker http://x --once", "--broker must be mqtt://host[:port] or mqtts://host[:port]")]
    [DataRow("--broker mqtt://u:p@x --once", "must not carry credentials")]
    [DataRow("--broker mqtt://x --json", "--json needs --once")]
    [DataRow("--broker mqtt://x --ca ca.pem --once", "need an mqtts:// broker URL")]
    [DataRow("--broker mqtts://x --cert c.pem --once", "--cert and --key go together")]
    [DataRow("--broker mqtts://x --ca /no/such/ca.pem --once", "--ca file not found: /no/such/ca.pem")]
    [DataRow("--broker mqtt://x --wait soon --once", "--wait must be a duration")]
    [DataRow("--broker mqtt://x --prefix a/+ --once", "--prefix must be a topic prefix without wildcards")]
    [DataRow("--broker mqtt://x --password p --once", "--password needs --username")]
    public void BadOptions_Exit2_BeforeConnecting(string commandLine, string message)
    {
        var r = CliRunner.Run(new[] { "monitor" }.Concat(commandLine.Split(' ')).ToArray());
        Assert.AreEqual(2, r.ExitCode, r.Stderr);
        StringAssert.Contains(r.Stderr, message);
        Assert.AreEqual(string.Empty, r.Stdout);
    }
}
