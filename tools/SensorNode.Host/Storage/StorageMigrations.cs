using System.Collections.Generic;

namespace SensorNode.Host.Storage;

/// <summary>
/// The schema as an ordered list of migrations, one DDL text per dialect (docs/spec/storage.md §3 and §5).
/// Persisted: a migration, once released, is never edited; a change is a new migration with the next version.
/// </summary>
public static class StorageMigrations
{
    /// <summary>The newest schema version this build writes.</summary>
    public static int Latest => All.Count;

    /// <summary>Migration <c>i</c> brings the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    public static IReadOnlyList<(string Sqlite, string Postgres)> All { get; } = new[]
    {
        (Sqlite: V1("INTEGER", "INTEGER", "BLOB", "INTEGER PRIMARY KEY AUTOINCREMENT"),
         Postgres: V1("BIGINT", "SMALLINT", "BYTEA", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")),
    };

    /// <summary>Version 1: readings, nodes, gaps, latest node topics, malformed batches.</summary>
    private static string V1(string big, string small, string blob, string identity) => $@"
CREATE TABLE readings (
  node TEXT NOT NULL,
  seq {big} NOT NULL,
  time_ms {big},
  received_ms {big} NOT NULL,
  temperature_centi_c INTEGER,
  temperature_status {small} NOT NULL,
  humidity_centi_pct INTEGER,
  humidity_status {small} NOT NULL,
  pressure_pa INTEGER,
  pressure_status {small} NOT NULL,
  vibration_rms_milli_g INTEGER,
  vibration_rms_status {small} NOT NULL,
  crest_factor_milli INTEGER,
  crest_factor_status {small} NOT NULL,
  anomaly_mask {small} NOT NULL,
  PRIMARY KEY (node, seq)
);
CREATE INDEX readings_node_time ON readings (node, time_ms);
CREATE TABLE nodes (
  node TEXT NOT NULL PRIMARY KEY,
  max_seq {big} NOT NULL,
  readings {big} NOT NULL,
  duplicates {big} NOT NULL,
  first_seen_ms {big} NOT NULL,
  last_seen_ms {big} NOT NULL
);
CREATE TABLE gaps (
  node TEXT NOT NULL,
  first_seq {big} NOT NULL,
  last_seq {big} NOT NULL,
  seen_ms {big} NOT NULL,
  PRIMARY KEY (node, first_seq)
);
CREATE TABLE node_topics (
  node TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_ms {big} NOT NULL,
  PRIMARY KEY (node, kind)
);
CREATE TABLE malformed (
  id {identity},
  node TEXT NOT NULL,
  topic TEXT NOT NULL,
  received_ms {big} NOT NULL,
  reason TEXT NOT NULL,
  payload {blob} NOT NULL
);
";
}
