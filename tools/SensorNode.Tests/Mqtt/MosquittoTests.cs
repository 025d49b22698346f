using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;
using SensorNode.Core.Telemetry;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Simulation;

namespace SensorNode.Tests.Mqtt;

/// <summary>
/// The MQTT contract against a real Mosquitto 2 over real TLS (docs/spec/mqtt.md): the simulator runs as
/// a child process (`dotnet sensornode.dll simulate`), the consumer is an MQTTnet client.
/// Timeouts are safety limits sized for a loaded 2-core machine.
/// </summary>
[TestClass]
public sealed class MosquittoTests : BrokerTestClass<MosquittoTests>
{
    [ClassInitialize]
    public static void Start(TestContext _) => StartBroker("mosquitto");

    [ClassCleanup]
    public static void Stop() => StopBroker();

    [TestMethod]
    public void Simulator_PublishesTelemetryStateAndDiscovery_StatusOnlineIsRetained_GracefulStopSaysOffline()
    {
        string state = StateDirectory("sim");
        using var watcher = new Watcher(Broker, Pki.CaFile, "watch-a", false, "sensornode/node1/#", "homeassistant/+/node1/+/config");
        using var sim = new Simulator(NodeArgs("node1", "--state", state, "--scenario", "bearing-fault"));
        watcher.WaitFor(m => m.Topic == "sensornode/node1/status" && m.Text == "online", Long, "online\n" + sim.Stdout + sim.Stderr);
        List<SampleRecord> readings = WaitForReadings(watcher, "node1", r => r.Count >= 3, () => sim.Stdout + sim.Stderr);

        using (var late = new Watcher(Broker, Pki.CaFile, "watch-b", false, "sensornode/node1/status", "sensornode/node1/state"))
        {
            Watcher.Received status = late.WaitFor(m => m.Topic == "sensornode/node1/status", Long, "retained status");
            Assert.AreEqual("online", status.Text);
            Assert.IsTrue(status.Retain, "status must be retained");
            Assert.IsTrue(late.WaitFor(m => m.Topic == "sensornode/node1/state", Long, "retained state").Retain);
        }

        CollectionAssert.AreEqual(Enumerable.Range(0, readings.Count).Select(i => (uint)i).ToList(), readings.Select(r => r.Sequence).ToList());
        Assert.IsTrue(readings.All(r => r.UnixMilliseconds > 1_700_000_000_000L && r.StatusOf(Channel.Temperature) == ReadingStatus.Ok));

        using JsonDocument stateJson = JsonDocument.Parse(watcher.On("sensornode/node1/state").Last().Payload);
        var keys = stateJson.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        CollectionAssert.AreEquivalent(new[] { "temperature", "humidity", "pressure", "vibration_rms", "crest_factor", "anomaly", "seq", "timestamp" }, keys);
        Assert.AreEqual(JsonValueKind.Number, stateJson.RootElement.GetProperty("temperature").ValueKind);
        Assert.IsTrue(stateJson.RootElement.GetProperty("anomaly").ValueKind is JsonValueKind.True or JsonValueKind.False);

        using JsonDocument health = JsonDocument.Parse(watcher.WaitFor(m => m.Topic == "sensornode/node1/health", Long, "health").Payload);
        foreach (string k in new[] { "boot_count", "reset_reason", "uptime_s", "rssi_dbm", "free_memory_bytes", "sensor_errors", "buffer_fill", "readings_dropped", "firmware_version", "config_version" })
        {
            Assert.IsTrue(health.RootElement.TryGetProperty(k, out _), "health lacks " + k);
        }

        CheckDiscovery(watcher, stateJson.RootElement);

        sim.Terminate();
        Assert.AreEqual(0, sim.WaitForExit(Long), sim.Stderr);
        watcher.WaitFor(m => m.Topic == "sensornode/node1/status" && m.Text == "offline", Long, "offline after a deliberate stop");
    }

    [TestMethod]
    public void SigkillOfAlwaysOnSimulator_DeliversOfflineWill_Within1Point5TimesKeepalive()
    {
        const int keepAliveSeconds = 4;
        using var watcher = new Watcher(Broker, Pki.CaFile, "watch-kill", false, "sensornode/node3/status");
        using var sim = new Simulator(NodeArgs("node3", "--keepalive", keepAliveSeconds.ToString()));
        watcher.WaitFor(m => m.Text == "online", Long, "online\n" + sim.Stdout + sim.Stderr);
        Thread.Sleep(1500);
        var sinceKill = Stopwatch.StartNew();
        sim.KillHard();
        watcher.WaitFor(m => m.Text == "offline", Long, "offline will after SIGKILL");
        sinceKill.Stop();

        // MQTT 3.1.1 §3.1.2.10: the broker must act within 1.5 × keep-alive of the last packet (which came
        // before the kill). 2 s of slack cover Mosquitto's once-a-second keep-alive sweep and a loaded machine.
        Assert.IsTrue(sinceKill.Elapsed.TotalSeconds <= (1.5 * keepAliveSeconds) + 2, $"offline after {sinceKill.Elapsed.TotalSeconds:0.0} s");
    }

    [TestMethod]
    public void GracefulSleep_LeavesSleepingRetained_AndTheWillNeverFires()
    {
        using var watcher = new Watcher(Broker, Pki.CaFile, "watch-sleep", false, "sensornode/node4/#");
        using var link = new MqttNetLink(Endpoint(), TextWriter.Null);
        var session = new TelemetrySession(link, new MqttTopics("sensornode", "node4"), Options("node4", 2), null, new SystemClock(), null, 8);
        Assert.AreEqual(MqttLinkStatus.Ok, session.Connect(), link.LastError);
        var record = new SampleRecord { Sequence = 9, UnixMilliseconds = 1764254400000 };
        Assert.AreEqual(MqttLinkStatus.Ok, session.PublishBatch(new[] { record }, 0, 1, out int sent));
        Assert.AreEqual(1, sent);
        Assert.AreEqual(MqttLinkStatus.Ok, session.Sleep(1764254700000, 300));
        Assert.IsFalse(link.IsConnected);

        Thread.Sleep(TimeSpan.FromSeconds((1.5 * 2) + 3));
        using var late = new Watcher(Broker, Pki.CaFile, "watch-sleep-late", false, "sensornode/node4/status", "sensornode/node4/sleep");
        Assert.AreEqual("sleeping", late.WaitFor(m => m.Topic == "sensornode/node4/status", Long, "retained status").Text);
        Assert.AreEqual("{\"next_wake\":1764254700000,\"sleep_s\":300}", late.WaitFor(m => m.Topic == "sensornode/node4/sleep", Long, "retained sleep").Text);
        CollectionAssert.AreEqual(new[] { "online", "sleeping" }, watcher.On("sensornode/node4/status").Select(m => m.Text).ToList());
    }

    [TestMethod]
    public void Acl_NodeCannotWriteOrReadAnotherNodesTopics_ButCanUseItsOwn()
    {
        using var watcher = new Watcher(Broker, Pki.CaFile, "watch-acl", false, "sensornode/#", "homeassistant/#");
        using var link = new MqttNetLink(Endpoint(), TextWriter.Null);
        Assert.AreEqual(MqttLinkStatus.Ok, link.Connect(Options("node2", 30)), link.LastError);
        byte[] payload = "{\"forged\":true}"u8.ToArray();
        link.Publish("sensornode/node6/state", payload, payload.Length, MqttQos.AtLeastOnce, true);
        link.Publish("sensornode/node6/status", payload, payload.Length, MqttQos.AtLeastOnce, true);
        link.Publish("homeassistant/sensor/node6/temperature/config", payload, payload.Length, MqttQos.AtLeastOnce, true);
        MqttLinkStatus foreign = link.Subscribe("sensornode/node6/cmd", MqttQos.AtLeastOnce);
        Assert.IsTrue(foreign is MqttLinkStatus.Ok or MqttLinkStatus.Rejected, "3.1.1 brokers may grant or refuse; either way nothing may arrive: " + foreign);
        Assert.AreEqual(MqttLinkStatus.Ok, link.Subscribe("sensornode/node2/cmd", MqttQos.AtLeastOnce), link.LastError);
        watcher.Publish("sensornode/node6/cmd", "{\"cmd\":\"reboot\"}");
        watcher.Publish("sensornode/node2/cmd", "{\"cmd\":\"identify\"}");
        Assert.AreEqual(MqttLinkStatus.Ok, link.Publish("sensornode/node2/state", payload, payload.Length, MqttQos.AtLeastOnce, false));

        watcher.WaitFor(m => m.Topic == "sensornode/node2/state", Long, "the node's own publish (control)");
        var inbound = new MqttInboundMessage(512);
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        var received = new List<string>();
        while (DateTime.UtcNow < deadline && !received.Contains("sensornode/node2/cmd"))
        {
            while (link.TryReceive(inbound))
            {
                received.Add(inbound.Topic);
            }

            Thread.Sleep(50);
        }

        Thread.Sleep(1000);
        while (link.TryReceive(inbound))
        {
            received.Add(inbound.Topic);
        }

        CollectionAssert.AreEqual(new[] { "sensornode/node2/cmd" }, received, "the node reads only its own cmd");
        Assert.IsFalse(watcher.Messages.Any(m => m.Topic.Contains("node6") && m.Text.Contains("forged")), "forged publishes reached a subscriber");
        link.Disconnect();
    }

    [TestMethod]
    public void WrongCa_IsRefusedClearly_AndTheReadingsAreKeptForTheNextRun()
    {
        string state = StateDirectory("wrongca");
        string[] wrong = NodeArgs("node5", "--state", state, "--cycles", "2").Select(a => a == Pki.CaFile ? Pki.OtherCaFile : a).ToArray();
        using (var sim = new Simulator(wrong))
        {
            Assert.AreEqual(1, sim.WaitForExit(Long), sim.Stdout + sim.Stderr);
            Console.WriteLine(sim.Stderr);
            StringAssert.Contains(sim.Stderr, "does not verify against the CA");
        }

        Assert.IsTrue(Kept(state) >= 1, "no reading kept after the refusal");
        using var watcher = new Watcher(Broker, Pki.CaFile, "watch-ca", false, "sensornode/node5/telemetry");
        using (var sim = new Simulator(NodeArgs("node5", "--state", state, "--cycles", "3")))
        {
            Assert.AreEqual(0, sim.WaitForExit(Long), sim.Stdout + sim.Stderr);
        }

        List<SampleRecord> readings = WaitForReadings(watcher, "node5", r => r.Count >= 3, () => string.Empty);
        Assert.AreEqual(0u, readings[0].Sequence, "the reading taken during the refused run was published");
        CollectionAssert.AreEqual(Enumerable.Range(0, readings.Count).Select(i => (uint)i).ToList(), readings.Select(r => r.Sequence).ToList());
    }

    [TestMethod]
    public void BadPassword_IsRefusedClearly_AndTheReadingsAreKept()
    {
        string state = StateDirectory("badpw");
        string[] args = NodeArgs("node5", "--state", state, "--cycles", "2").Select(a => a == Mosquitto.Password ? "wrong-password" : a).ToArray();
        using var sim = new Simulator(args);
        Assert.AreEqual(1, sim.WaitForExit(Long), sim.Stdout + sim.Stderr);
        Console.WriteLine(sim.Stderr);
        StringAssert.Contains(sim.Stderr, "the broker refused the node");
        Assert.IsTrue(sim.Stderr.Contains("password", StringComparison.OrdinalIgnoreCase) || sim.Stderr.Contains("not authorized", StringComparison.OrdinalIgnoreCase), sim.Stderr);
        Assert.IsTrue(Kept(state) >= 1);
    }

    [TestMethod]
    public void ExpiredBrokerCertificate_IsRefusedClearly_AndTheReadingsAreKept()
    {
        using var expired = new Mosquitto(Path.Combine(WorkDirectory, "expired"), Pki, expiredServerCertificate: true);
        string state = StateDirectory("expired");
        using var sim = new Simulator(new[] { "--broker", expired.Url, "--ca", Pki.CaFile, "--node-id", "node6", "--username", "node6", "--password", Mosquitto.Password, "--interval", "1s", "--state", state, "--cycles", "2" });
        Assert.AreEqual(1, sim.WaitForExit(Long), sim.Stdout + sim.Stderr);
        Console.WriteLine(sim.Stderr);
        StringAssert.Contains(sim.Stderr, "does not verify against the CA");
        StringAssert.Contains(sim.Stderr.ToLowerInvariant(), "expired");
        Assert.IsTrue(Kept(state) >= 1);
    }

    [TestMethod]
    public void MutualTls_ClientCertificateIsAccepted_AndAMissingOrExpiredOneIsAClearTlsError()
    {
        using var mtls = new Mosquitto(Path.Combine(WorkDirectory, "mtls"), Pki, requireClientCertificate: true);
        var endpoint = new MqttEndpoint { Host = "127.0.0.1", Port = mtls.Port, UseTls = true, CaFile = Pki.CaFile, TimeoutSeconds = 20 };
        using (var without = new MqttNetLink(endpoint, TextWriter.Null))
        {
            Assert.AreEqual(MqttLinkStatus.TlsFailed, without.Connect(Options("node6", 30)), without.LastError);
            StringAssert.StartsWith(without.LastError, "TLS failed", without.LastError);
        }

        using (var expiredCert = new MqttNetLink(endpoint.With(Pki.CaFile, Pki.ExpiredClientCertFile, Pki.ExpiredClientKeyFile), TextWriter.Null))
        {
            Assert.AreEqual(MqttLinkStatus.TlsFailed, expiredCert.Connect(Options("node6", 30)), expiredCert.LastError);
            StringAssert.Contains(expiredCert.LastError, "client certificate");
        }

        using var with = new MqttNetLink(endpoint.With(Pki.CaFile, Pki.ClientCertFile, Pki.ClientKeyFile), TextWriter.Null);
        Assert.AreEqual(MqttLinkStatus.Ok, with.Connect(Options("node6", 30)), with.LastError);
        byte[] online = "online"u8.ToArray();
        Assert.AreEqual(MqttLinkStatus.Ok, with.Publish("sensornode/node6/status", online, online.Length, MqttQos.AtLeastOnce, true), with.LastError);
        with.Disconnect();
    }

    [TestMethod]
    public void BrokerRestartMidRun_LosesNoReading_AndTheConsumerSeesNoSequenceGap()
    {
        using var broker = new Mosquitto(Path.Combine(WorkDirectory, "restart"), Pki);
        using var watcher = new Watcher(broker, Pki.CaFile, "watch-restart", true, "sensornode/node1/telemetry");
        using var sim = new Simulator(new[] { "--broker", broker.Url, "--ca", Pki.CaFile, "--node-id", "node1", "--username", "node1", "--password", Mosquitto.Password, "--interval", "1s" });
        uint before = WaitForReadings(watcher, "node1", r => r.Count >= 3, () => sim.Stdout + sim.Stderr).Max(r => r.Sequence);
        broker.Stop();
        Thread.Sleep(4000);
        broker.Start();
        watcher.Reconnect(Long);
        List<SampleRecord> readings = WaitForReadings(watcher, "node1", r => r.Count > 0 && r.Max(x => x.Sequence) >= before + 8, () => sim.Stdout + sim.Stderr);
        var seqs = readings.Select(r => r.Sequence).Distinct().OrderBy(s => s).ToList();
        CollectionAssert.AreEqual(Enumerable.Range(0, seqs.Count).Select(i => (uint)i).ToList(), seqs, "gap in " + string.Join(",", seqs));
        StringAssert.Contains(sim.Stdout, "connect failed", "the simulator never noticed the restart");
        sim.Terminate();
        sim.WaitForExit(Long);
    }

    private static void CheckDiscovery(Watcher watcher, JsonElement state)
    {
        for (int i = 0; i < DiscoveryWriter.Count; i++)
        {
            string topic = $"homeassistant/{DiscoveryWriter.Components[i]}/node1/{DiscoveryWriter.ObjectIds[i]}/config";
            Watcher.Received config = watcher.WaitFor(m => m.Topic == topic, Long, topic);
            using JsonDocument doc = JsonDocument.Parse(config.Payload);
            List<string> errors = DiscoverySchema.Check(DiscoveryWriter.Components[i], doc.RootElement, "sensornode/node1");
            Assert.AreEqual(0, errors.Count, topic + ": " + string.Join("; ", errors));

            Match key = Regex.Match(doc.RootElement.GetProperty("value_template").GetString()!, @"value_json\.(\w+)");
            Assert.IsTrue(key.Success && state.TryGetProperty(key.Groups[1].Value, out _), "value_template names a key the state lacks: " + topic);
            string template = doc.RootElement.GetProperty("availability")[0].GetProperty("value_template").GetString()!;
            Assert.AreEqual("online", Availability(template, "sleeping"), "sleeping must count as available");
            Assert.AreEqual("online", Availability(template, "online"));
            Assert.AreEqual("offline", Availability(template, "offline"));
        }
    }

    // Evaluates the one template form the spec allows: {{ 'a' if value == 'b' else 'c' }}.
    private static string Availability(string template, string value)
    {
        Match m = Regex.Match(template, @"^\{\{ '(\w+)' if value == '(\w+)' else '(\w+)' \}\}$");
        Assert.IsTrue(m.Success, "unexpected availability template " + template);
        return value == m.Groups[2].Value ? m.Groups[1].Value : m.Groups[3].Value;
    }


    // Under the class directory, which the class cleanup deletes.

    private static int Kept(string stateDirectory) =>
        new AlwaysOnState(new Host.Storage.DirectoryFileStore(stateDirectory), 64).LoadPending(new PendingReadings(64));

    private static string[] NodeArgs(string node, params string[] extra) =>
        new[] { "--broker", Broker.Url, "--ca", Pki.CaFile, "--node-id", node, "--username", node, "--password", Mosquitto.Password, "--interval", "1s", "--seed", "7" }.Concat(extra).ToArray();

    private static MqttEndpoint Endpoint() =>
        new MqttEndpoint { Host = "127.0.0.1", Port = Broker.Port, UseTls = true, CaFile = Pki.CaFile, TimeoutSeconds = 20 };

    private static MqttConnectOptions Options(string node, int keepAliveSeconds) => new()
    {
        ClientId = node,
        Username = node,
        Password = Mosquitto.Password,
        KeepAliveSeconds = keepAliveSeconds,
        WillTopic = $"sensornode/{node}/status",
        WillPayload = "offline",
    };
}
