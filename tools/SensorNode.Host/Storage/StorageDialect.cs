namespace SensorNode.Host.Storage;

/// <summary>The two database engines the collector writes to (docs/spec/storage.md §2).</summary>
public enum StorageDialect
{
    /// <summary>An embedded SQLite file (Microsoft.Data.Sqlite): one collector per file.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (Npgsql): any number of collectors.</summary>
    Postgres,
}
