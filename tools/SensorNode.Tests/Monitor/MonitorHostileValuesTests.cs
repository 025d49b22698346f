using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Monitor;

/// <summary>
/// Issue 17 item 4 with the hostile publisher that found it: retained state, health and ota holding
/// 1e309, -1e400 and a 200,000-digit number on a real Mosquitto. `monitor --once --json` writes them as
/// null (README, monitor) and exits 0; the terminal view shows them cut short; nothing crashes.
/// </summary>
[TestClass]
public sealed class MonitorHostileValuesTests
{
    [TestMethod]
    public void RetainedNonFiniteAndHugeNumbers_AreWrittenAsNull_AndNeitherViewCrashes()
    {
        if (!TlsMosquitto.Available || !File.Exists("/usr/bin/mosquitto_pub"))
        {
            Assert.Inconclusive("mosquitto, mosquitto-clients and openssl are needed (.ci/run installs them)");
        }

        using TlsMosquitto broker = TlsMosquitto.Start();
        string huge = "1" + new string('7', 200_000);
        PublishRetained(broker, "sensornode/evil/status", "online");
        PublishRetained(broker, "sensornode/evil/state", "{\"temperature\":1e309,\"humidity\":-1e400,\"pressure\":" + huge + ",\"vibration_rms\":0.5,\"seq\":" + huge + ",\"timestamp\":1e309}");
        PublishRetained(broker, "sensornode/evil/health", "{\"uptime_s\":1e309,\"boot_count\":" + huge + ",\"sensor_errors\":{\"temperature\":1e309},\"free_memory_bytes\":12000}");
        PublishRetained(broker, "sensornode/evil/ota", "{\"state\":\"downloading\",\"version\":\"2.0.0\",\"percent\":4240997e999,\"bytes\":" + huge + "}");

        var json = CliRunner.Run("monitor", "--broker", $"mqtt://127.0.0.1:{broker.PlainPort}", "--once", "--json", "--wait", "2s");
        Assert.AreEqual(0, json.ExitCode, json.Stderr);
        Assert.AreEqual(string.Empty, json.Stderr);
        using JsonDocument doc = JsonDocument.Parse(json.Stdout);
        JsonElement node = doc.RootElement.GetProperty("nodes").EnumerateArray().Single();
        JsonElement values = node.GetProperty("values");
        Assert.AreEqual(JsonValueKind.Null, values.GetProperty("temperature").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, values.GetProperty("humidity").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, values.GetProperty("pressure").ValueKind);
        Assert.AreEqual("0.5", values.GetProperty("vibration_rms").GetRawText(), "a normal value next to hostile ones stays exact");
        Assert.AreEqual(JsonValueKind.Null, node.GetProperty("seq").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, node.GetProperty("health").GetProperty("uptime_s").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, node.GetProperty("health").GetProperty("boot_count").ValueKind);
        Assert.AreEqual("12000", node.GetProperty("health").GetProperty("free_memory_bytes").GetRawText());
        Assert.AreEqual(JsonValueKind.Null, node.GetProperty("ota").GetProperty("percent").ValueKind);
        Assert.IsTrue(json.Stdout.Length < 20_000, $"{json.Stdout.Length} characters of output");
        foreach (JsonProperty history in node.GetProperty("history").EnumerateObject())
        {
            Assert.IsTrue(history.Value.EnumerateArray().All(v => v.ValueKind is JsonValueKind.Null or JsonValueKind.Number), history.Name);
        }

        var view = CliRunner.Run("monitor", "--broker", $"mqtt://127.0.0.1:{broker.PlainPort}", "--once", "--wait", "2s");
        Assert.AreEqual(0, view.ExitCode, view.Stderr);
        StringAssert.Contains(view.Stdout, "evil");
        Assert.IsTrue(view.Stdout.Length < 20_000, $"{view.Stdout.Length} characters of terminal output");
    }

    private static void PublishRetained(TlsMosquitto broker, string topic, string payload)
    {
        // -f: a 200,000-character payload is longer than one command-line argument may be.
        string file = Path.Combine(broker.Dir, "payload-" + System.Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, payload);
        var psi = new ProcessStartInfo("/usr/bin/mosquitto_pub") { UseShellExecute = false, RedirectStandardError = true };
        foreach (string a in new[] { "-h", "127.0.0.1", "-p", broker.PlainPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-r", "-t", topic, "-f", file })
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        Assert.IsTrue(p.WaitForExit(30000) && p.ExitCode == 0, "mosquitto_pub failed: " + err);
    }
}
