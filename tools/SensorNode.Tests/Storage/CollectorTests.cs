using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Host.Collect;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Storage;
using SensorNode.Tests.Cli;
using SensorNode.Tests.Mqtt;

namespace SensorNode.Tests.Storage;

/// <summary>
/// `sensornode collect` against a real Mosquitto (TLS, ACL) into SQLite and a real PostgreSQL: SIGKILL mid-stream,
/// broker restart, duplicates, gaps, malformed payloads, two collectors sharing a subscription (docs/spec/storage.md §4).
/// </summary>
[TestClass]
public sealed class CollectorTests : BrokerTestClass<CollectorTests>
{
    [ClassInitialize]
    public static void Start(TestContext _) => StartBroker("collect");

    [ClassCleanup]
    public static void Stop() => StopBroker();

    [TestMethod]
    public void Collect_SigkilledWhileNodesPublish_ThenRestarted_StoresEveryReadingExactlyOnce()
    {
        string db = Path.Combine(WorkDirectory, "kill.db");
        string[] nodes = { "node1", "node2", "node3" };
        const int batches = 60, perBatch = 10;
        string[] args = { "collect", "--broker", Broker.Url, "--ca", Pki.CaFile, "--username", "collector", "--password", Mosquitto.Password, "--db", db, "--client-id", "collector-kill", "--batch", "4" };

        var first = new CliProcess(args);
        try
        {
            WaitUntil(() => first.Output.Contains("collect: mqtts://"), () => "first collector did not connect\n" + first.Output);
            // About 3 s of publishing; the kill follows the first commit, while batches keep arriving.
            Task publishing = Task.Run(() => PublishInterleaved(nodes, batches, perBatch, pauseMilliseconds: 50));
            WaitUntil(() => Count(db) > 0, () => "first collector stored nothing\n" + first.Output);
            first.KillHard();
            long atKill = Count(db);
            publishing.GetAwaiter().GetResult();
            Assert.IsTrue(atKill < nodes.Length * batches * perBatch, $"the kill came after everything was stored ({atKill}); it must come mid-stream");
        }
        finally
        {
            first.Dispose();
        }

        using var second = new CliProcess(args);
        WaitUntil(() => Count(db) >= nodes.Length * batches * perBatch, () => $"{Count(db)} stored after restart\n{second.Output}\n{Broker.Log}");
        using ReadingStore store = ReadingStore.Open(db);
        foreach (string node in nodes)
        {
            CollectionAssert.AreEqual(Enumerable.Range(1, batches * perBatch).Select(i => (long)i).ToList(), store.Sequences(node), node);
        }

        Assert.AreEqual(0, store.Gaps().Count, string.Join(";", store.Gaps()));
        Assert.AreEqual(0, store.Malformed().Count);
    }

    [TestMethod]
    public void Collect_BrokerRestarted_KeepsTheSessionAndStoresWhatNodesPublishedMeanwhile()
    {
        string db = Path.Combine(WorkDirectory, "restart.db");
        using var run = InProcessCollector(db, "collector-restart", share: null);
        using (var node = new NodePublisher(Broker, Pki.CaFile, "node4"))
        {
            node.Telemetry(TestBatch.Range(1, 10));
            WaitUntil(() => run.Store(s => s.ReadingCount("node4")) == 10, () => "before restart\n" + run.Log);
        }

        Broker.Stop();
        Broker.Start();
        using (var node = new NodePublisher(Broker, Pki.CaFile, "node4"))
        {
            // Published before the collector is back: the broker keeps it for the collector's persisted session.
            node.Telemetry(TestBatch.Range(11, 10));
            node.Telemetry(TestBatch.Range(21, 10));
        }

        WaitUntil(() => run.Store(s => s.ReadingCount("node4")) == 30, () => "after restart\n" + run.Log + Broker.Log);
        StringAssert.Contains(run.Log, "reconnected");
        CollectionAssert.AreEqual(Enumerable.Range(1, 30).Select(i => (long)i).ToList(), run.Store(s => s.Sequences("node4")));
        Assert.AreEqual(0, run.Store(s => s.Gaps().Count));
    }

    [TestMethod]
    public void Collect_DuplicateBatchesSeqGapAndMalformedPayloads_StoresOnceRecordsGapKeepsMalformedAside()
    {
        string db = Path.Combine(WorkDirectory, "contract.db");
        using (var run = InProcessCollector(db, "collector-contract", share: null))
        using (var node = new NodePublisher(Broker, Pki.CaFile, "node5"))
        {
            node.Telemetry(TestBatch.Range(1, 5));
            node.Telemetry(TestBatch.Range(1, 5));    // a QoS 1 resend
            node.Telemetry(TestBatch.Range(3, 6));    // overlapping: 3..5 again, 6..8 new
            node.Telemetry(new byte[] { 0x01, 0x01, 0x16 });
            node.Telemetry(System.Text.Encoding.ASCII.GetBytes("{\"temperature\":21.5}"));
            node.Telemetry(TestBatch.Of(12, 13));     // 9..11 never came
            WaitUntil(() => run.Store(s => s.ReadingCount("node5")) == 10 && run.Store(s => s.Malformed().Count) == 2, () => run.Log);
            Assert.AreEqual(8, run.Collector.Totals.Duplicates);
        }

        var (code, stdout, stderr) = CliRunner.Run("collect", "--gaps", "--db", db);
        Assert.AreEqual(0, code, stderr);
        string[] lines = stdout.Trim().Split('\n');
        Assert.AreEqual("node,first_missing_seq,last_missing_seq,missing,seen", lines[0]);
        StringAssert.StartsWith(lines[1], "node5,9,11,3,");
        StringAssert.Contains(lines[^1], "1 gaps, 3 readings missing; 10 readings stored; 2 malformed batches kept aside");
        using ReadingStore store = ReadingStore.Open(db);
        CollectionAssert.AreEqual(new[] { "too_short", "bad_version" }, store.Malformed().Select(m => m.Reason).ToArray());

        (code, stdout, stderr) = CliRunner.Run("monitor", "--broker", Broker.Url, "--ca", Pki.CaFile, "--username", "watcher", "--password", Mosquitto.Password, "--once", "--json", "--wait", "0s", "--db", db);
        Assert.AreEqual(0, code, stderr);
        System.Text.Json.Nodes.JsonNode gap = System.Text.Json.Nodes.JsonNode.Parse(stdout)!["gaps"]!.AsArray().Single()!;
        Assert.AreEqual("node5", (string?)gap["node"]);
        Assert.AreEqual(9, (long)gap["first_seq"]!);
        Assert.AreEqual(11, (long)gap["last_seq"]!);
        (code, stdout, stderr) = CliRunner.Run("monitor", "--broker", Broker.Url, "--ca", Pki.CaFile, "--username", "watcher", "--password", Mosquitto.Password, "--once", "--wait", "0s", "--no-color", "--db", db);
        Assert.AreEqual(0, code, stderr);
        StringAssert.Contains(stdout, "recorded gaps: 1 (3 readings missing)");
        StringAssert.Contains(stdout, "node5            seq 9..11 (3 missing)");
    }

    [TestMethod]
    public void Collect_SimulatedDeepSleepNode_EveryPublishedReadingStoredOnce_AcrossACollectorRestart()
    {
        string db = Path.Combine(WorkDirectory, "sim.db");
        var first = InProcessCollector(db, "collector-sim", share: null);
        using var sim = new Simulator(new[] { "--mode", "deep-sleep", "--broker", Broker.Url, "--ca", Pki.CaFile, "--node-id", "node2", "--username", "node2", "--password", Mosquitto.Password, "--state", StateDirectory("collect-sim"), "--cycles", "60", "--publish-every", "4", "--seed", "5" });
        try
        {
            WaitUntil(() => first.Store(s => s.ReadingCount("node2")) > 0, () => first.Log + sim.Stdout + sim.Stderr);
        }
        finally
        {
            first.Dispose(); // a normal stop mid-run: the session and what the node publishes meanwhile stay with the broker
        }

        using var second = InProcessCollector(db, "collector-sim", share: null);
        Assert.AreEqual(0, sim.WaitForExit(Long), sim.Stderr);
        System.Text.RegularExpressions.Match published = System.Text.RegularExpressions.Regex.Match(sim.Stdout, @"readings published\s+(\d+)");
        Assert.IsTrue(published.Success, sim.Stdout);
        int n = int.Parse(published.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        WaitUntil(() => second.Store(s => s.ReadingCount("node2")) >= n, () => $"{n} published\n{second.Log}\n{sim.Stdout}");
        List<long> seqs = second.Store(s => s.Sequences("node2"));
        CollectionAssert.AreEqual(Enumerable.Range((int)seqs[0], n).Select(i => (long)i).ToList(), seqs, "every published reading exactly once");
        Assert.AreEqual(0, second.Store(s => s.Gaps().Count));
    }

    [TestMethod]
    public void Collect_TwoCollectorsSharingASubscription_IntoPostgres_StoreEveryReadingOnce()
    {
        using PostgresServer postgres = PostgresServer.Start("share");
        string[] nodes = { "node6", "node7", "node8" };
        const int batches = 40, perBatch = 5;
        using var a = InProcessCollector(postgres.Url, "collector-a", share: "fleet");
        using var b = InProcessCollector(postgres.Url, "collector-b", share: "fleet");
        PublishInterleaved(nodes, batches, perBatch, pauseMilliseconds: 0);

        WaitUntil(() => a.Store(s => s.ReadingCount()) == nodes.Length * batches * perBatch, () => $"A:\n{a.Log}\nB:\n{b.Log}");
        Assert.IsTrue(a.Collector.Totals.ReadingsStored > 0 && b.Collector.Totals.ReadingsStored > 0, $"both collectors take part: {a.Collector.Totals} {b.Collector.Totals}");
        Assert.AreEqual(nodes.Length * batches * perBatch, a.Collector.Totals.ReadingsStored + b.Collector.Totals.ReadingsStored);
        foreach (string node in nodes)
        {
            CollectionAssert.AreEqual(Enumerable.Range(1, batches * perBatch).Select(i => (long)i).ToList(), a.Store(s => s.Sequences(node)), node);
        }

        Assert.AreEqual(0, a.Store(s => s.Gaps().Count), "readings may arrive out of order across collectors; every gap they open must close");
    }

    [TestMethod]
    public void Collect_PostgresRestartedWhileNodesPublish_AcknowledgesNothingUntilStoredThenLosesNothing()
    {
        using PostgresServer postgres = PostgresServer.Start("restart");
        using var run = InProcessCollector(postgres.Url, "collector-pg-restart", share: null);
        using var node = new NodePublisher(Broker, Pki.CaFile, "node3");
        node.Telemetry(TestBatch.Range(1, 10));
        WaitUntil(() => run.Collector.Totals.ReadingsStored == 10, () => run.Log);

        var restart = Task.Run(() => postgres.Restart(TimeSpan.FromSeconds(3)));
        Thread.Sleep(500);
        node.Telemetry(TestBatch.Range(11, 10)); // arrives while the database is down: not acknowledged to the broker until stored
        restart.GetAwaiter().GetResult();
        node.Telemetry(TestBatch.Range(21, 10));

        WaitUntil(() => run.Collector.Totals.ReadingsStored == 30, () => run.Log);
        StringAssert.Contains(run.Log, "retrying in 2 s");
        CollectionAssert.AreEqual(Enumerable.Range(1, 30).Select(i => (long)i).ToList(), run.Store(s => s.Sequences("node3")));
        Assert.AreEqual(0, run.Store(s => s.Gaps().Count));
    }

    [TestMethod]
    public void Collect_WrongPassword_ExitsOneWithOneLineNamingTheFix()
    {
        var (code, _, stderr) = CliRunner.Run("collect", "--broker", Broker.Url, "--ca", Pki.CaFile, "--username", "collector", "--password", "wrong", "--db", Path.Combine(WorkDirectory, "refused.db"));
        Assert.AreEqual(1, code, stderr);
        StringAssert.Contains(stderr, "--username/--password");
        Assert.AreEqual(1, stderr.Trim().Split('\n').Length, stderr);
    }

    [TestMethod]
    [DataRow("--db|mysql://host/db", "--db must be a SQLite file name or a postgres://")]
    [DataRow("--share|a/b", "--share must be a group name")]
    [DataRow("--prefix|sensornode/#", "--prefix must be a topic prefix without wildcards")]
    [DataRow("--batch|0", "--batch")]
    [DataRow("--password|p", "--password needs --username")]
    public void Collect_BadOption_IsAUsageErrorNamingIt(string option, string message)
    {
        string[] pair = option.Split('|');
        var (code, _, stderr) = CliRunner.Run("collect", "--broker", "mqtt://127.0.0.1:1", pair[0], pair[1]);
        Assert.AreEqual(2, code, stderr);
        StringAssert.Contains(stderr, message);
        Assert.AreEqual(1, stderr.Trim().Split('\n').Length, stderr);
    }

    [TestMethod]
    public void Collect_MissingBrokerOrGapsOfMissingFile_AreUsageErrors()
    {
        var (code, _, stderr) = CliRunner.Run("collect", "--db", "x.db");
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "--broker");
        (code, _, stderr) = CliRunner.Run("collect", "--gaps", "--db", Path.Combine(WorkDirectory, "absent.db"));
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "--db file not found");
        Assert.IsFalse(File.Exists(Path.Combine(WorkDirectory, "absent.db")), "--gaps must not create a database");
    }

    private static void PublishInterleaved(string[] nodes, int batches, int perBatch, int pauseMilliseconds)
    {
        var publishers = nodes.Select(n => new NodePublisher(Broker, Pki.CaFile, n)).ToList();
        try
        {
            for (int i = 0; i < batches; i++)
            {
                foreach (NodePublisher p in publishers)
                {
                    p.Telemetry(TestBatch.Range(1 + (i * perBatch), perBatch));
                }

                if (pauseMilliseconds > 0)
                {
                    Thread.Sleep(pauseMilliseconds);
                }
            }
        }
        finally
        {
            publishers.ForEach(p => p.Dispose());
        }
    }

    private static long Count(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        using ReadingStore store = ReadingStore.Open(db);
        return store.ReadingCount();
    }

    private static void WaitUntil(Func<bool> condition, Func<string> context)
    {
        DateTime deadline = DateTime.UtcNow + Long;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"condition not met within {Long.TotalSeconds} s\n{context()}");
            }

            Thread.Sleep(100);
        }
    }

    private static Running InProcessCollector(string db, string clientId, string? share)
    {
        MqttEndpoint endpoint = MqttEndpoint.TryParse(Broker.Url, out _)!.With(Pki.CaFile, null, null);
        var options = new CollectorOptions { Endpoint = endpoint, Username = "collector", Password = Mosquitto.Password, ClientId = clientId, ShareGroup = share, MaxMessagesPerTransaction = 16 };
        return new Running(options, db);
    }

    /// <summary>A <see cref="TelemetryCollector"/> on its own store and thread, stopped on Dispose.</summary>
    private sealed class Running : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly StringWriter _log = new();
        private readonly ReadingStore _store;
        private readonly string _db;
        private readonly Task _task;

        public Running(CollectorOptions options, string db)
        {
            _db = db;
            _store = ReadingStore.Open(db);
            Collector = new TelemetryCollector(options, _store, TextWriter.Synchronized(_log));
            _task = Task.Run(() => Collector.RunAsync(_stop.Token));
            WaitUntil(() => Log.Contains("collect: mqtts://") || _task.IsFaulted, () => Log);
            if (_task.IsFaulted)
            {
                _task.GetAwaiter().GetResult();
            }
        }

        public TelemetryCollector Collector { get; }

        public string Log { get { lock (_log) { return _log.ToString(); } } }

        /// <summary>Reads through a connection of its own (the collector's is busy on its thread).</summary>
        public T Store<T>(Func<ReadingStore, T> read)
        {
            using ReadingStore store = ReadingStore.Open(_db);
            return read(store);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _task.Wait(TimeSpan.FromSeconds(30));
            Collector.Dispose();
            _store.Dispose();
            _stop.Dispose();
        }
    }
}
