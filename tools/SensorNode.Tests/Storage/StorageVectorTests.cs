using System;
using System.Data.Common;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Host.Storage;
using SensorNode.Tests.Cli;

namespace SensorNode.Tests.Storage;

/// <summary>
/// The named vectors of docs/spec/vectors/storage/: the telemetry vectors of mqtt.md §5.5 stored (rows_*, storage.md §3.1)
/// and exported (export_*, storage.md §6), in SQLite and PostgreSQL.
/// </summary>
[TestClass]
public sealed class StorageVectorTests
{
    private static PostgresServer? _postgres;
    private static string _dir = string.Empty;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        _dir = CliRunner.TempDirectory();
        _postgres = PostgresServer.Start("vectors");
    }

    [ClassCleanup]
    public static void Stop()
    {
        _postgres?.Dispose();
        Directory.Delete(_dir, true);
    }

    [TestMethod]
    [DataRow("sqlite", "batch_two_readings_anomaly_and_faults")]
    [DataRow("sqlite", "batch_no_clock_max_seq")]
    [DataRow("postgres", "batch_two_readings_anomaly_and_faults")]
    [DataRow("postgres", "batch_no_clock_max_seq")]
    public void Ingest_MqttVector_StoresTheRowsOfTheStorageVector(string engine, string vector)
    {
        using ReadingStore store = ReadingStore.Open(engine == "postgres" ? _postgres!.CreateDatabase() : Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db"));
        store.Ingest(new[] { ReadingStoreTests.Telemetry("node1", Mqtt(vector)) }, 1764254500000);

        string expected = Vector("rows_" + vector + ".csv");
        string header = expected.Split('\n')[0];
        var actual = new StringBuilder(header).Append('\n');
        using DbCommand cmd = store.Command($"SELECT {header} FROM readings ORDER BY node, seq", null);
        using DbDataReader r = cmd.ExecuteReader();
        while (r.Read())
        {
            for (int i = 0; i < r.FieldCount; i++)
            {
                actual.Append(i == 0 ? string.Empty : ",").Append(r.IsDBNull(i) ? string.Empty : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
            }

            actual.Append('\n');
        }

        Assert.AreEqual(expected, actual.ToString());
    }

    [TestMethod]
    [DataRow("vibration_rms", "batch_two_readings_anomaly_and_faults")]
    [DataRow("pressure", "batch_two_readings_anomaly_and_faults")]
    public void Export_MqttVector_WritesTheExportVector(string channel, string vector)
    {
        string db = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db");
        using (ReadingStore store = ReadingStore.Open(db))
        {
            store.Ingest(new[] { ReadingStoreTests.Telemetry("node1", Mqtt(vector)) }, 1764254500000);
        }

        var (code, stdout, stderr) = CliRunner.Run("export", "--db", db, "--node", "node1", "--channel", channel);
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual(Vector($"export_{channel}_{vector}.csv"), stdout);
    }

    private static byte[] Mqtt(string name) => Convert.FromHexString(File.ReadAllText(Repo.Path("docs", "spec", "vectors", "mqtt", name + ".hex")).Trim());

    private static string Vector(string file) => File.ReadAllText(Repo.Path("docs", "spec", "vectors", "storage", file));
}
