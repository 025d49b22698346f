using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Host.Storage;
using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Storage;

/// <summary>
/// The readings database (docs/spec/storage.md) against SQLite and a real PostgreSQL server: exactly once per
/// (node, seq), gaps, malformed batches, migrations, export to replay.
/// </summary>
[TestClass]
public sealed class ReadingStoreTests
{
    private const long Now = 1795760000000;
    private static PostgresServer? _postgres;
    private static string _dir = string.Empty;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        _dir = CliRunner.TempDirectory();
        _postgres = PostgresServer.Start("store");
    }

    [ClassCleanup]
    public static void Stop()
    {
        _postgres?.Dispose();
        Directory.Delete(_dir, true);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public void Ingest_SameBatchTwiceAndOverlapping_StoresEachReadingOnce(string engine)
    {
        using ReadingStore store = Fresh(engine);
        IngestReport first = store.Ingest(new[] { Telemetry("node1", TestBatch.Range(1, 10)) }, Now);
        IngestReport again = store.Ingest(new[] { Telemetry("node1", TestBatch.Range(1, 10)), Telemetry("node1", TestBatch.Range(6, 10)) }, Now);

        Assert.AreEqual(10, first.ReadingsStored);
        Assert.AreEqual(5, again.ReadingsStored);
        Assert.AreEqual(15, again.Duplicates);
        CollectionAssert.AreEqual(Enumerable.Range(1, 15).Select(i => (long)i).ToList(), store.Sequences("node1"));
        Assert.AreEqual(0, store.Gaps().Count);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public void Ingest_SeqJump_RecordsGapWithFirstAndLastMissingSeq(string engine)
    {
        using ReadingStore store = Fresh(engine);
        store.Ingest(new[] { Telemetry("node1", TestBatch.Range(100, 5)), Telemetry("node2", TestBatch.Range(1, 3)) }, Now);
        IngestReport jump = store.Ingest(new[] { Telemetry("node1", TestBatch.Of(110, 111)) }, Now + 1000);

        Assert.AreEqual(1, jump.GapsOpened);
        List<SeqGap> gaps = store.Gaps();
        Assert.AreEqual(1, gaps.Count);
        Assert.AreEqual(new SeqGap("node1", 105, 109, Now + 1000), gaps[0]);
        Assert.AreEqual(5, gaps[0].Missing);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public void Ingest_LateReadingsInsideGap_SplitShrinkAndCloseIt(string engine)
    {
        using ReadingStore store = Fresh(engine);
        store.Ingest(new[] { Telemetry("node1", TestBatch.Of(1)), Telemetry("node1", TestBatch.Of(10)) }, Now);
        store.Ingest(new[] { Telemetry("node1", TestBatch.Of(5)) }, Now + 1);
        CollectionAssert.AreEqual(new[] { new SeqGap("node1", 2, 4, Now), new SeqGap("node1", 6, 9, Now) }, store.Gaps());

        store.Ingest(new[] { Telemetry("node1", TestBatch.Of(2, 3, 4, 6)) }, Now + 2);
        CollectionAssert.AreEqual(new[] { new SeqGap("node1", 7, 9, Now) }, store.Gaps());

        store.Ingest(new[] { Telemetry("node1", TestBatch.Of(7, 8, 9)) }, Now + 3);
        Assert.AreEqual(0, store.Gaps().Count);
        Assert.AreEqual(10, store.ReadingCount("node1"));
    }

    [TestMethod]
    [DataRow("sqlite", "empty", "", "too_short")]
    [DataRow("sqlite", "eleven bytes", "0101160000bec1c59a0100", "too_short")]
    [DataRow("sqlite", "version 2", "0201160000bec1c59a0100002a000000000000000000006608a811cd8b010c008605", "bad_version")]
    [DataRow("sqlite", "count 0", "0100160000bec1c59a010000", "bad_count")]
    [DataRow("sqlite", "reading size 21", "0101150000bec1c59a0100002a000000000000000000006608a811cd8b010c008605", "bad_reading_size")]
    [DataRow("sqlite", "one byte short", "0101160000bec1c59a0100002a000000000000000000006608a811cd8b010c0086", "length_mismatch")]
    [DataRow("sqlite", "one byte too long", "0101160000bec1c59a0100002a00000000000000070000006608a811cd8b010c008605", "length_mismatch")]
    [DataRow("sqlite", "temperature status 7", "0101160000bec1c59a0100002a000000000000000700006608a811cd8b010c008605", "bad_status")]
    [DataRow("sqlite", "anomaly bit 5", "0101160000bec1c59a0100002a00000000000000000020" + "6608a811cd8b010c008605", "reserved_bits_set")]
    [DataRow("sqlite", "dt without base time", "0101160000000000000000002a000000000000000000006608a811cd8b010c008605", "bad_timestamp")]
    [DataRow("postgres", "text", "68656c6c6f20776f726c64", "too_short")]
    [DataRow("postgres", "one byte short", "0101160000bec1c59a0100002a000000000000000000006608a811cd8b010c0086", "length_mismatch")]
    public void Ingest_MalformedPayload_IsKeptAsideWithItsReasonAndTheRestIsStored(string engine, string name, string hex, string reason)
    {
        using ReadingStore store = Fresh(engine);
        byte[] bad = Convert.FromHexString(hex);
        IngestReport report = store.Ingest(new[] { Telemetry("node1", TestBatch.Of(1)), Telemetry("node1", bad), Telemetry("node1", TestBatch.Of(2)) }, Now);

        Assert.AreEqual(1, report.Malformed, name);
        Assert.AreEqual(2, report.ReadingsStored, name);
        MalformedBatch kept = store.Malformed().Single();
        Assert.AreEqual(reason, kept.Reason, name);
        Assert.AreEqual("sensornode/node1/telemetry", kept.Topic);
        CollectionAssert.AreEqual(bad, kept.Payload, name);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public void Open_AnExistingDatabase_KeepsItsRowsAndSchemaVersion(string engine)
    {
        string db = NewDb(engine);
        using (ReadingStore store = ReadingStore.Open(db))
        {
            Assert.AreEqual(StorageMigrations.Latest, store.SchemaVersion);
            store.Ingest(new[] { Telemetry("node1", TestBatch.Range(1, 3)) }, Now);
        }

        using ReadingStore again = ReadingStore.Open(db);
        Assert.AreEqual(StorageMigrations.Latest, again.SchemaVersion);
        Assert.AreEqual(3, again.ReadingCount());
    }

    [TestMethod]
    public void Open_SchemaNewerThanThisBuild_RefusesWithAnUpgradeHint()
    {
        string db = NewDb("sqlite");
        using (ReadingStore store = ReadingStore.Open(db))
        {
        }

        using (var c = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + db + ";Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"INSERT INTO schema_version (version, applied_ms) VALUES ({StorageMigrations.Latest + 1}, 0)";
            cmd.ExecuteNonQuery();
        }

        StorageException ex = Assert.ThrowsExactly<StorageException>(() => ReadingStore.Open(db));
        StringAssert.Contains(ex.Message, "upgrade sensornode");
    }

    [TestMethod]
    public void Export_ThenReplayStats_ReadsEveryOkReading()
    {
        string db = NewDb("sqlite");
        using (ReadingStore store = ReadingStore.Open(db))
        {
            store.Ingest(new[] { Telemetry("node1", TestBatch.Range(1, 30)), Telemetry("node2", TestBatch.Range(1, 5)) }, Now);
        }

        string csv = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        var (code, _, stderr) = CliRunner.Run("export", "--db", db, "--node", "node1", "--channel", "humidity", "--output", csv);
        Assert.AreEqual(0, code, stderr);
        string[] lines = File.ReadAllLines(csv);
        Assert.AreEqual("t,value", lines[0]);
        Assert.AreEqual(1 + 30 - 4, lines.Length, "seq 7, 14, 21, 28 have humidity read_failed and are left out");
        Assert.AreEqual("2026-11-27T06:01:00Z,45.00", lines[1]);

        string stats = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        (code, _, stderr) = CliRunner.Run("replay", "stats", "--window", "4", "--z-threshold", "3", "--input", csv, "--output", stats);
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual(lines.Length, File.ReadAllLines(stats).Length);
    }

    [TestMethod]
    public void Export_FromTo_SelectsHalfOpenTimeRangeAndFormatsUserUnits()
    {
        string db = NewDb("sqlite");
        using (ReadingStore store = ReadingStore.Open(db))
        {
            store.Ingest(new[] { Telemetry("node1", TestBatch.Range(1, 10)) }, Now);
        }

        var (code, stdout, stderr) = CliRunner.Run("export", "--db", db, "--node", "node1", "--channel", "temperature", "--from", "2026-11-27T06:03:00Z", "--to", "2026-11-27T06:05:00Z");
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("t,value\n2026-11-27T06:03:00Z,20.03\n2026-11-27T06:04:00Z,20.04\n", stdout);
    }

    [TestMethod]
    [DataRow("--channel", "speed", "--channel must be one of")]
    [DataRow("--from", "yesterday", "--from must be a date or time")]
    public void Export_BadOption_IsAUsageErrorNamingIt(string option, string value, string message)
    {
        string db = NewDb("sqlite");
        using (ReadingStore.Open(db))
        {
        }

        var args = new List<string> { "export", "--db", db, "--node", "node1", "--channel", "temperature" };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.Add(option);
            args.Add(value);
        }

        var (code, _, stderr) = CliRunner.Run(args.ToArray());
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, message);
        Assert.AreEqual(1, stderr.Trim().Split('\n').Length, stderr);
    }

    [TestMethod]
    public void Export_MissingDatabase_FailsWithOneLine()
    {
        var (code, _, stderr) = CliRunner.Run("export", "--db", Path.Combine(_dir, "nope.db"), "--node", "n", "--channel", "pressure");
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "--db file not found");
    }

    [TestMethod]
    public void PostgresUrl_UserPasswordHostPortDatabaseAndSslMode_BecomeAConnectionString()
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgres://fleet:p%40ss@db.lan:6432/readings?sslmode=verify-full"));
        Assert.AreEqual("db.lan", b.Host);
        Assert.AreEqual(6432, b.Port);
        Assert.AreEqual("fleet", b.Username);
        Assert.AreEqual("p@ss", b.Password);
        Assert.AreEqual("readings", b.Database);
        Assert.AreEqual(Npgsql.SslMode.VerifyFull, b.SslMode);
        Assert.AreEqual("postgres://fleet:***@db.lan:6432/readings?sslmode=verify-full", PostgresUrl.Redact("postgres://fleet:p%40ss@db.lan:6432/readings?sslmode=verify-full"));
    }

    [TestMethod]
    [DataRow("postgres://host", "names no database")]
    [DataRow("postgres://host/db?colour=red", "unknown PostgreSQL URL parameter 'colour'")]
    public void PostgresUrl_Incomplete_SaysWhatIsMissing(string url, string message)
    {
        ArgumentException ex = Assert.ThrowsExactly<ArgumentException>(() => PostgresUrl.ToConnectionString(url));
        StringAssert.Contains(ex.Message, message);
    }

    internal static TelemetryMessage Telemetry(string node, byte[] payload) =>
        new($"sensornode/{node}/telemetry", node, TopicKind.Telemetry, payload, Now - 5000);

    private static ReadingStore Fresh(string engine) => ReadingStore.Open(NewDb(engine));

    private static string NewDb(string engine) =>
        engine == "postgres" ? _postgres!.CreateDatabase() : Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db");
}
