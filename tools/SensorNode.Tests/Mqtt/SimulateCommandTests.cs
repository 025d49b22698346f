using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli;

using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Mqtt;

/// <summary>`sensornode simulate` run in-process: option errors and the embedded-broker demo.</summary>
[TestClass]
public sealed class SimulateCommandTests
{

    [DataTestMethod]
    [DataRow("--broker|http://x", "--broker must be mqtt://host[:port] or mqtts://host[:port]")]
    [DataRow("--broker|mqtt://host:99999", "--broker port must be 1..65535")]
    [DataRow("--interval|5x", "--interval must be")]
    [DataRow("--interval|0s", "--interval must be")]
    [DataRow("--interval|2d", "--interval must be")]
    [DataRow("--node-id|Node 1", "--node-id must be")]
    [DataRow("--prefix|a/#", "--prefix must be")]
    [DataRow("--scenario|storm", "--scenario must be one of")]
    [DataRow("--mode|deep-sleep", "--mode deep-sleep needs --state DIR")]
    [DataRow("--speed|2", "--speed applies to --mode deep-sleep only")]
    [DataRow("--scenario|anomaly", "--scenario must be one of normal, bearing-fault, dropouts, stuck, spikes, no-bme280, no-dht22, no-accel")]
    [DataRow("--mode|sometimes", "--mode must be always-on or deep-sleep")]
    [DataRow("--broker|mqtts://h|--ca|/no/such/ca.pem", "--ca: no such file")]
    [DataRow("--password|x", "--password needs --username")]
    [DataRow("--cycles|0", "--cycles must be between 1")]
    [DataRow("--frobnicate|1", "unknown option --frobnicate")]
    [DataRow("--ota-pubkey|/no/such/pub.pem", "--ota-pubkey: no such file")]
    public void BadOption_IsOneClearLine_ExitTwo(string args, string expected)
    {
        (int code, string output, string err) = CliRunner.Run(("simulate|" + args).Split('|'));
        Assert.AreEqual(ExitCodesForTests.Usage, code);
        StringAssert.StartsWith(err, "sensornode simulate: ");
        StringAssert.Contains(err, expected);
        Assert.AreEqual(1, err.TrimEnd().Split('\n').Length, err);
        Assert.AreEqual(string.Empty, output);
    }

    [TestMethod]
    public void OtaOptions_WithoutABroker_OrAKeyTheNodeCannotUse_AreRefused()
    {
        string state = Simulator.TempDirectory("ota-options");
        string rsa2048 = Repo.Path("docs", "spec", "vectors", "ota", "keys", "rsa2048-public.pem");
        (int code, _, string err) = CliRunner.Run("simulate", "--mode", "deep-sleep", "--state", state, "--broker-down", "2", "--ota-pubkey", rsa2048);
        Assert.AreEqual(ExitCodesForTests.Usage, code);
        StringAssert.Contains(err, "--ota-pubkey: updates need a broker; --broker-down simulates the network without one");

        (code, _, err) = CliRunner.Run("simulate", "--embedded-port", Mosquitto.FreePort().ToString(), "--state", state, "--cycles", "1", "--ota-pubkey", rsa2048);
        Assert.AreEqual(ExitCodesForTests.Usage, code);
        Assert.AreEqual("sensornode simulate: --ota-pubkey: rsa2048-public.pem: wrong_modulus_size: not a 3072-bit RSA key; regenerate it with 'sensornode ota keygen'", err.TrimEnd());
        Directory.Delete(state, true);
    }

    [TestMethod]
    public void CaWithoutTlsBroker_IsRefused()
    {
        string ca = Path.GetTempFileName();
        (int code, _, string err) = CliRunner.Run("simulate", "--broker", "mqtt://127.0.0.1:1", "--ca", ca);
        File.Delete(ca);
        Assert.AreEqual(ExitCodesForTests.Usage, code);
        StringAssert.Contains(err, "need a TLS broker");
    }

    [TestMethod]
    public void NoBroker_StartsTheEmbeddedBroker_AndPublishesEveryReading()
    {
        int port = Mosquitto.FreePort();
        string state = Simulator.TempDirectory("embedded");
        (int code, string output, string err) = CliRunner.Run("simulate", "--embedded-port", port.ToString(), "--interval", "1s", "--cycles", "3", "--state", state);
        Assert.AreEqual(0, code, err + output);
        StringAssert.Contains(output, "(embedded broker)");
        StringAssert.Contains(output, "WARNING: TLS is disabled");
        StringAssert.Contains(output, "sample seq 2:");
        Assert.AreEqual(3, System.Text.RegularExpressions.Regex.Matches(output, @"published 1 reading\(s\)").Count, output);
        StringAssert.Contains(output, "0 unpublished readings kept");

        (code, output, err) = CliRunner.Run("simulate", "--embedded-port", port.ToString(), "--interval", "1s", "--cycles", "1", "--state", state);
        Assert.AreEqual(0, code, err);
        StringAssert.Contains(output, "sample seq 3:", "sequence numbers continue across runs with --state");
        Directory.Delete(state, true);
    }

    [TestMethod]
    public void EmbeddedPortTaken_SaysWhatToDo()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        try
        {
            (int code, _, string err) = CliRunner.Run("simulate", "--embedded-port", port.ToString(), "--cycles", "1");
            Assert.AreEqual(1, code);
            StringAssert.Contains(err, $"pass --broker mqtt://127.0.0.1:{port}");
        }
        finally
        {
            listener.Stop();
        }
    }

    private static class ExitCodesForTests
    {
        public const int Usage = 2;
    }
}
