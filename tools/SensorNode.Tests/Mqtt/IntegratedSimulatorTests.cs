using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Cli;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;
using SensorNode.Host.Storage;
using SensorNode.Tests.Provisioning;

using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Mqtt;

/// <summary>
/// `sensornode simulate` with the pieces connected, against a real Mosquitto over TLS: deep-sleep wakes
/// through the core MqttUplink, config commands persisted to --state, provisioning over a socat pty pair.
/// </summary>
[TestClass]
public sealed class IntegratedSimulatorTests : BrokerTestClass<IntegratedSimulatorTests>
{
    [ClassInitialize]
    public static void Start(TestContext _) => StartBroker("integrated");

    [ClassCleanup]
    public static void Stop() => StopBroker();

    [TestMethod]
    public void DeepSleep_PublishesBatchesWithContiguousSeq_AndLeavesSleepingRetained()
    {
        string state = StateDirectory("ds-batches");
        using var watcher = new Watcher(Broker, Pki.CaFile, "watch-ds1", false, "sensornode/node2/#");
        (int code, string output, string err) = CliRunner.Run(DeepSleepArgs("node2", Broker, state, "--cycles", "13", "--publish-every", "4"));
        Assert.AreEqual(0, code, err + output);

        List<SampleRecord> readings = WaitForReadings(watcher, "node2", r => r.Count >= 13, () => output);
        // The retained log numbers readings from 1 (0 means "none" in the duty cycle).
        CollectionAssert.AreEqual(Enumerable.Range(1, 13).Select(i => (uint)i).ToList(), readings.Select(r => r.Sequence).ToList(), "seq must be contiguous, without duplicates");
        Assert.IsTrue(watcher.On("sensornode/node2/telemetry").Any(m => Count(m.Payload) >= 4), "readings must travel in batches");
        StringAssert.Contains(output, "readings dropped       0");
        Assert.IsTrue(Regex.IsMatch(output, @"bytes sent / reading\s+\d+\.\d"), output);
        Assert.IsTrue(Regex.IsMatch(output, @"flash bytes / reading\s+\d+\.\d"), output);

        using var late = new Watcher(Broker, Pki.CaFile, "watch-ds1-late", false, "sensornode/node2/status", "sensornode/node2/sleep", "sensornode/node2/health");
        Watcher.Received status = late.WaitFor(m => m.Topic == "sensornode/node2/status", Long, "retained status");
        Assert.AreEqual("sleeping", status.Text);
        Assert.IsTrue(status.Retain);
        using JsonDocument sleep = JsonDocument.Parse(late.WaitFor(m => m.Topic == "sensornode/node2/sleep", Long, "sleep").Payload);
        Assert.IsTrue(sleep.RootElement.GetProperty("next_wake").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000);
        Assert.AreEqual(300, sleep.RootElement.GetProperty("sleep_s").GetInt32(), 5);
        using JsonDocument health = JsonDocument.Parse(late.WaitFor(m => m.Topic == "sensornode/node2/health", Long, "health").Payload);
        Assert.AreEqual("deep_sleep_wake", health.RootElement.GetProperty("reset_reason").GetString());
        Assert.IsTrue(health.RootElement.GetProperty("boot_count").GetInt32() >= 10);
        Assert.AreEqual(0, health.RootElement.GetProperty("readings_dropped").GetInt32());
        Assert.IsFalse(watcher.On("sensornode/node2/status").Any(m => m.Text == "offline"), "a sleeping node never goes offline");
    }

    [TestMethod]
    public void DeepSleep_BrokerDownForSomeWakes_ThenUp_NothingLost_NoSeqGap()
    {
        using var broker = new Mosquitto(Path.Combine(WorkDirectory, "down"), Pki);
        string state = StateDirectory("ds-down");
        using var watcher = new Watcher(broker, Pki.CaFile, "watch-ds-down", true, "sensornode/node3/telemetry");
        broker.Stop();
        (int code, string output, string err) = CliRunner.Run(DeepSleepArgs("node3", broker, state, "--cycles", "5", "--publish-every", "1", "--interval", "1h"));
        Assert.AreEqual(0, code, err + output);
        Assert.IsTrue(Regex.IsMatch(output, @"radio sessions\s+(\d+) \(\1 failed\)"), output);
        StringAssert.Contains(output, "readings retained      5", "the readings stay in flash while the broker is down");

        broker.Start();
        watcher.Reconnect(Long);
        (code, output, err) = CliRunner.Run(DeepSleepArgs("node3", broker, state, "--cycles", "6", "--publish-every", "1", "--interval", "1h"));
        Assert.AreEqual(0, code, err + output);
        StringAssert.Contains(output, "readings dropped       0");
        List<SampleRecord> readings = WaitForReadings(watcher, "node3", r => r.Count >= 11, () => output);
        CollectionAssert.AreEqual(Enumerable.Range(1, 11).Select(i => (uint)i).ToList(), readings.Select(r => r.Sequence).Distinct().OrderBy(s => s).ToList());
        Assert.AreEqual(11, readings.Count, "no duplicates expected when every batch was acknowledged");
    }

    [TestMethod]
    public void ConfigCommands_ArePersistedToState_AndARestartKeepsThem()
    {
        string state = StateDirectory("config");
        using var watcher = new Watcher(Broker, Pki.CaFile, "watch-config", false, "sensornode/node4/#");
        using (var sim = new Simulator(new[] { "--broker", Broker.Url, "--ca", Pki.CaFile, "--node-id", "node4", "--username", "node4", "--password", Mosquitto.Password, "--interval", "1s", "--state", state }))
        {
            // The first state follows the cmd subscription (clean sessions: commands sent before it are not queued).
            watcher.WaitFor(m => m.Topic == "sensornode/node4/state", Long, "state\n" + sim.Stdout + sim.Stderr);
            watcher.Publish("sensornode/node4/cmd", "{\"id\":\"w\",\"cmd\":\"set_windows\",\"average\":4,\"z\":16,\"crest\":512}");
            watcher.WaitFor(m => m.Topic == "sensornode/node4/cmd/result" && m.Text.Contains("\"w\""), Long, "result w\n" + sim.Stdout);
            watcher.Publish("sensornode/node4/cmd", "{\"id\":\"i\",\"cmd\":\"set_interval\",\"seconds\":7}");
            Watcher.Received result = watcher.WaitFor(m => m.Topic == "sensornode/node4/cmd/result" && m.Text.Contains("\"i\""), Long, "result i\n" + sim.Stdout);
            StringAssert.Contains(result.Text, "ok");
            WaitUntil(() => sim.Stdout.Split('\n').Count(l => l.Contains("committed to")) >= 2, "two commits\n" + sim.Stdout);
            sim.Terminate();
            Assert.AreEqual(0, sim.WaitForExit(Long), sim.Stderr);
        }

        NodeConfig stored = Fixtures.Load(new DirectoryFileStore(state));
        Assert.AreEqual(7, stored.SampleIntervalSeconds);
        Assert.AreEqual(4, stored.AverageWindow);
        Assert.AreEqual(16, stored.ZWindow);
        Assert.AreEqual(512, stored.CrestWindow);
        Assert.AreEqual("node4", stored.NodeId);
        Assert.IsTrue(stored.UseTls && stored.CaCertificateFile.Length > 0, "the broker's CA is kept in the node's flash");

        // Restart without --interval or --broker: the stored configuration (broker, CA, credentials, interval) drives the node.
        (int code, string output, string err) = CliRunner.Run("simulate", "--state", state, "--cycles", "1");
        Assert.AreEqual(0, code, err + output);
        StringAssert.Contains(output, "loaded from");
        StringAssert.Contains(output, "every 7 s");
        StringAssert.Contains(output, Broker.Url);
        StringAssert.Contains(output, "published 1 reading(s)");
    }

    [TestMethod]
    public void Ota_SimulatorTakesASignedUpdate_RunsItAndConfirms_AndRefusesAnImageSignedWithAnotherKey()
    {
        string state = StateDirectory("ota");
        using var fleet = System.Security.Cryptography.RSA.Create(3072);
        (string pub, string factoryFile) = FleetFiles(fleet, "ota");
        byte[] good = Ota.OtaImageBuilderHelper.Image(fleet, 2, 0, 0, 2, 20000);
        using var testKey = Ota.OtaVectors.PrivateKey();
        byte[] foreign = Ota.OtaImageBuilderHelper.Image(testKey, 3, 0, 0, 3, 5000);
        using var server = new Ota.RangeHttpServer();
        server.Serve("good.snimg", good);
        server.Serve("foreign.snimg", foreign);
        using var watcher = new Watcher(Broker, Pki.CaFile, "watch-ota", false, "sensornode/node7/#");
        using var sim = new Simulator(new[] { "--broker", Broker.Url, "--ca", Pki.CaFile, "--node-id", "node7", "--username", "node7", "--password", Mosquitto.Password, "--interval", "1s", "--state", state, "--ota-pubkey", pub, "--ota-image", factoryFile });

        void Wait(Func<Watcher.Received, bool> match, string what)
        {
            try
            {
                watcher.WaitFor(match, Long, what);
            }
            catch (TimeoutException ex)
            {
                throw new AssertFailedException(ex.Message + "\n--- simulator ---\n" + sim.Stdout + sim.Stderr);
            }
        }

        Wait(m => m.Topic == "sensornode/node7/state", "state");
        watcher.Publish("sensornode/node7/cmd", OtaMqtt.OtaMqttRig.OtaCommandJson("f", server.Url("foreign.snimg"), foreign));
        Wait(m => m.Topic == "sensornode/node7/ota" && m.Text.Contains("\"rejected\"") && m.Text.Contains("signature_invalid"), "rejected");

        watcher.Publish("sensornode/node7/cmd", OtaMqtt.OtaMqttRig.OtaCommandJson("g", server.Url("good.snimg"), good));
        Wait(m => m.Topic == "sensornode/node7/ota" && m.Text.Contains("\"confirmed\"") && m.Text.Contains("\"2.0.0\""), "confirmed");
        Wait(m => m.Topic == "sensornode/node7/health" && m.Text.Contains("\"firmware_version\":\"2.0.0\""), "health of 2.0.0");
        sim.Terminate();
        Assert.AreEqual(0, sim.WaitForExit(Long), sim.Stderr);

        StringAssert.Contains(sim.Stdout, "images checked with " + pub);
        StringAssert.Contains(sim.Stdout, "factory image ota-factory.snimg (3");
        StringAssert.Contains(sim.Stdout, "boot 1: AdoptA");
        StringAssert.Contains(sim.Stdout, "ota: 3.0.0 rejected: signature_invalid");
        StringAssert.Contains(sim.Stdout, "running 2.0.0 on trial");
        Assert.IsTrue(File.Exists(Path.Combine(state, Core.Ota.SlotFiles.Image(0))) || File.Exists(Path.Combine(state, Core.Ota.SlotFiles.Image(1))), "the image is in a slot in the node's flash");
    }

    [TestMethod]
    public void Ota_DeepSleepNode_TakesARetainedOrderAtARadioWake_RunsTheTrialNextWake_AndConfirms()
    {
        string state = StateDirectory("ota-ds");
        using var fleet = System.Security.Cryptography.RSA.Create(3072);
        (string pub, string factoryFile) = FleetFiles(fleet, "ota-ds");
        byte[] v2 = Ota.OtaImageBuilderHelper.Image(fleet, 2, 0, 0, 2, 40000);
        using var server = new Ota.RangeHttpServer();
        server.Serve("v2.snimg", v2);
        using var watcher = new Watcher(Broker, Pki.CaFile, "watch-ota-ds", false, "sensornode/node8/#");

        // Retained: the node is asleep when the order is sent and reads it at its next radio wake.
        watcher.Publish("sensornode/node8/cmd", OtaMqtt.OtaMqttRig.OtaCommandJson("d", server.Url("v2.snimg"), v2), retain: true);
        (int code, string output, string err) = CliRunner.Run(DeepSleepArgs("node8", Broker, state, "--cycles", "4", "--publish-every", "1", "--ota-pubkey", pub, "--ota-image", factoryFile));
        watcher.Publish("sensornode/node8/cmd", string.Empty, retain: true);

        Assert.AreEqual(0, code, err + output);
        StringAssert.Contains(output, "factory image ota-ds-factory.snimg");
        StringAssert.Contains(output, "boot: AdoptA");
        StringAssert.Contains(output, "ota: downloading 2.0.0: 100%");
        StringAssert.Contains(output, "boot: BootTrial (table row 1), running 2.0.0 on trial");
        StringAssert.Contains(output, "ota: 2.0.0 confirmed");
        Assert.AreEqual(1, Regex.Matches(output, "ota: verifying 2.0.0").Count, "the retained order downloads once; later wakes see the image running\n" + output);
        watcher.WaitFor(m => m.Topic == "sensornode/node8/ota" && m.Text.Contains("\"confirmed\"") && m.Text.Contains("\"2.0.0\""), Long, "confirmed");
        watcher.WaitFor(m => m.Topic == "sensornode/node8/health" && m.Text.Contains("\"firmware_version\":\"2.0.0\""), Long, "health of 2.0.0");
    }

    [TestMethod]
    public void SerialProvisioning_UnprovisionedNodeWaits_ThenPublishesUnderTheProvisionedNodeId()
    {
        using var pty = new PtyPair();
        string state = StateDirectory("serial");
        using var watcher = new Watcher(Broker, Pki.CaFile, "watch-serial", false, "sensornode/node5/#");
        using var sim = new Simulator(new[] { "--serial", pty.NodeSide, "--state", state, "--cycles", "3" });
        WaitUntil(() => sim.Stdout.Contains("console listening"), "console\n" + sim.Stdout + sim.Stderr);

        string json = Path.Combine(state, "..", "serial-node.json");
        File.WriteAllText(json, $$"""
            {
              "nodeId": "node5", "topicPrefix": "sensornode", "wifiSsid": "Lab", "wifiPassword": "lab-password-1",
              "brokerHost": "127.0.0.1", "brokerPort": {{Broker.Port}}, "useTls": true,
              "mqttUsername": "node5", "mqttPassword": "{{Mosquitto.Password}}", "mode": "alwaysOn", "sampleIntervalSeconds": 1
            }
            """);
        (int code, string output, string err) = CliRunner.Run("provision", "--port", pty.HostSide, "--config", json, "--ca", Pki.CaFile);
        Assert.AreEqual(0, code, err + output + "\n" + sim.Stdout + sim.Stderr);

        watcher.WaitFor(m => m.Topic == "sensornode/node5/status" && m.Text == "online", Long, "online under the provisioned id\n" + sim.Stdout + sim.Stderr);
        Assert.AreEqual(0, sim.WaitForExit(Long), sim.Stdout + sim.Stderr);
        List<SampleRecord> readings = WaitForReadings(watcher, "node5", r => r.Count >= 3, () => sim.Stdout);
        CollectionAssert.AreEqual(new uint[] { 0, 1, 2 }, readings.Select(r => r.Sequence).ToList());
        StringAssert.Contains(sim.Stdout, "provisioning: committed config version");
        Assert.IsFalse(sim.Stdout.Contains(Mosquitto.Password) || sim.Stdout.Contains("lab-password-1"), "secrets never appear in the log");
    }

    private static string[] DeepSleepArgs(string node, Mosquitto broker, string state, params string[] extra) =>
        new[] { "simulate", "--mode", "deep-sleep", "--broker", broker.Url, "--ca", Pki.CaFile, "--node-id", node, "--username", node, "--password", Mosquitto.Password, "--state", state, "--seed", "3" }.Concat(extra).ToArray();


    private static int Count(byte[] batch) => TelemetryBatchDecoder.Check(batch, 0, batch.Length, out int count) == BatchStatus.Ok ? count : -1;


    private static void WaitUntil(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + Long;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("timed out waiting for " + what);
            }

            Thread.Sleep(100);
        }
    }


    // A fleet's public key and its first signed image (1.0.0, counter 1) for slot A, as files for --ota-pubkey and --ota-image.
    private static (string PublicKey, string FactoryImage) FleetFiles(System.Security.Cryptography.RSA fleet, string tag)
    {
        string pub = Path.Combine(WorkDirectory, tag + "-public.pem");
        File.WriteAllText(pub, fleet.ExportSubjectPublicKeyInfoPem());
        string factory = Path.Combine(WorkDirectory, tag + "-factory.snimg");
        File.WriteAllBytes(factory, Ota.OtaImageBuilderHelper.Image(fleet, 1, 0, 0, 1, 3000));
        return (pub, factory);
    }
}
