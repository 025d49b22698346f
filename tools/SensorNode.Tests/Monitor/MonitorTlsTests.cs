using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli;

using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Monitor;

/// <summary>`monitor` over real TLS to a real Mosquitto: trusted through --ca, refused without it.</summary>
[TestClass]
public sealed class MonitorTlsTests
{

    private static void PublishRetained(int port, string topic, string payload)
    {
        var psi = new ProcessStartInfo("/usr/bin/mosquitto_pub") { UseShellExecute = false, RedirectStandardError = true };
        foreach (string a in new[] { "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-r", "-t", topic, "-m", payload })
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        Assert.IsTrue(p.WaitForExit(30000) && p.ExitCode == 0, "mosquitto_pub failed: " + err);
    }

    [TestMethod]
    public void Mqtts_WithTheBrokersCa_ReadsTheFleet_AndWithoutItRefusesTheCertificate()
    {
        if (!TlsMosquitto.Available || !File.Exists("/usr/bin/mosquitto_pub"))
        {
            Assert.Inconclusive("mosquitto, mosquitto-clients and openssl are needed (.ci/run installs them)");
        }

        using TlsMosquitto broker = TlsMosquitto.Start();
        PublishRetained(broker.PlainPort, "sensornode/tls-node/status", "online");
        PublishRetained(broker.PlainPort, "sensornode/tls-node/state", "{\"temperature\":18.25,\"seq\":1}");

        var trusted = CliRunner.Run("monitor", "--broker", $"mqtts://127.0.0.1:{broker.TlsPort}", "--ca", broker.CaPath, "--once", "--json", "--wait", "2s");
        Assert.AreEqual(0, trusted.ExitCode, trusted.Stderr);
        using JsonDocument doc = JsonDocument.Parse(trusted.Stdout);
        JsonElement node = doc.RootElement.GetProperty("nodes").EnumerateArray().Single();
        Assert.AreEqual("tls-node", node.GetProperty("id").GetString());
        Assert.AreEqual("18.25", node.GetProperty("values").GetProperty("temperature").GetRawText());

        var untrusted = CliRunner.Run("monitor", "--broker", $"mqtts://127.0.0.1:{broker.TlsPort}", "--once", "--json", "--timeout", "10s");
        Assert.AreEqual(1, untrusted.ExitCode, untrusted.Stdout);
        StringAssert.StartsWith(untrusted.Stderr, $"sensornode monitor: cannot connect to mqtts://127.0.0.1:{broker.TlsPort}");
        Assert.AreEqual(string.Empty, untrusted.Stdout);
    }
}
