using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SensorNode.Host.Storage;

/// <summary>
/// The readings database (docs/spec/storage.md): SQLite for a file name, PostgreSQL for a <c>postgres://</c> URL.
/// <see cref="Open"/> migrates the schema; <see cref="Ingest"/> stores a list of messages in one transaction.
/// Not thread-safe: one writer thread per instance.
/// </summary>
public sealed class ReadingStore : IDisposable
{
    private readonly DbConnection _connection;

    private ReadingStore(DbConnection connection, StorageDialect dialect, string description)
    {
        _connection = connection;
        Dialect = dialect;
        Description = description;
    }

    /// <summary>Which engine this store writes to.</summary>
    public StorageDialect Dialect { get; }

    /// <summary>The database for messages: the SQLite path, or the PostgreSQL URL without its password.</summary>
    public string Description { get; }

    /// <summary>
    /// Opens (and creates, for SQLite) the database named by <paramref name="db"/>, then applies missing migrations.
    /// Throws <see cref="StorageException"/> with a sentence for a person when it cannot.
    /// </summary>
    public static ReadingStore Open(string db)
    {
        ReadingStore store;
        try
        {
            if (PostgresUrl.IsPostgres(db))
            {
                var pg = new NpgsqlConnection(PostgresUrl.ToConnectionString(db));
                pg.Open();
                store = new ReadingStore(pg, StorageDialect.Postgres, PostgresUrl.Redact(db));
            }
            else
            {
                var lite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, DefaultTimeout = 30, Pooling = false }.ConnectionString);
                lite.Open();
                store = new ReadingStore(lite, StorageDialect.Sqlite, db);
                // WAL lets `export` and `collect --gaps` read while a collector writes; FULL makes every commit
                // durable before the collector acknowledges the messages in it (storage.md §4.1).
                store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
            }
        }
        catch (Exception ex) when (ex is DbException or ArgumentException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new StorageException($"cannot open the database {(PostgresUrl.IsPostgres(db) ? PostgresUrl.Redact(db) : db)}: {ex.Message}", ex);
        }

        try
        {
            store.Migrate();
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>The schema version the database is at after <see cref="Open"/>.</summary>
    public int SchemaVersion => (int)ScalarLong("SELECT COALESCE(MAX(version), 0) FROM schema_version", null);

    /// <summary>Stores every message in one transaction and commits it; returns what it did (storage.md §4).</summary>
    public IngestReport Ingest(IReadOnlyList<TelemetryMessage> messages, long nowUnixMilliseconds)
    {
        try
        {
            if (_connection.State != ConnectionState.Open)
            {
                // A PostgreSQL server that restarted leaves the connection broken: open it again for this attempt.
                _connection.Close();
                _connection.Open();
            }

            using DbTransaction tx = _connection.BeginTransaction();
            IngestReport report = new IngestTransaction(this, tx, nowUnixMilliseconds).Run(messages);
            tx.Commit();
            return report;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new StorageException($"cannot store readings in {Description}: {ex.Message}", ex);
        }
    }

    /// <summary>Recorded gaps, all nodes or one, by node then first missing seq.</summary>
    public List<SeqGap> Gaps(string? node = null)
    {
        var gaps = new List<SeqGap>();
        using DbCommand cmd = Command("SELECT node, first_seq, last_seq, seen_ms FROM gaps" + (node == null ? string.Empty : " WHERE node = @node") + " ORDER BY node, first_seq", null);
        if (node != null)
        {
            Add(cmd, "@node", node);
        }

        using DbDataReader r = cmd.ExecuteReader();
        while (r.Read())
        {
            gaps.Add(new SeqGap(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)));
        }

        return gaps;
    }

    /// <summary>Malformed batches kept aside, oldest first.</summary>
    public List<MalformedBatch> Malformed()
    {
        var list = new List<MalformedBatch>();
        using DbCommand cmd = Command("SELECT id, node, topic, received_ms, reason, payload FROM malformed ORDER BY id", null);
        using DbDataReader r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new MalformedBatch(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), (byte[])r.GetValue(5)));
        }

        return list;
    }

    /// <summary>Number of stored readings (all nodes, or one).</summary>
    public long ReadingCount(string? node = null)
    {
        if (node == null)
        {
            return ScalarLong("SELECT COUNT(*) FROM readings", null);
        }

        using DbCommand cmd = Command("SELECT COUNT(*) FROM readings WHERE node = @node", null);
        Add(cmd, "@node", node);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    /// <summary>Stored sequence numbers of one node, ascending.</summary>
    public List<long> Sequences(string node)
    {
        var seqs = new List<long>();
        using DbCommand cmd = Command("SELECT seq FROM readings WHERE node = @node ORDER BY seq", null);
        Add(cmd, "@node", node);
        using DbDataReader r = cmd.ExecuteReader();
        while (r.Read())
        {
            seqs.Add(r.GetInt64(0));
        }

        return seqs;
    }

    /// <summary>
    /// Calls <paramref name="row"/> with (reading time Unix ms, value in the channel's fixed-point unit) for every
    /// timestamped reading of <paramref name="node"/> whose <paramref name="channel"/> status is ok, in
    /// [<paramref name="fromUnixMilliseconds"/>, <paramref name="toUnixMilliseconds"/>), by time then seq.
    /// </summary>
    public void ReadChannel(string node, StorageChannel channel, long fromUnixMilliseconds, long toUnixMilliseconds, Action<long, int> row)
    {
        using DbCommand cmd = Command(
            $"SELECT time_ms, {channel.ValueColumn} FROM readings WHERE node = @node AND time_ms IS NOT NULL AND {channel.StatusColumn} = 0 " +
            "AND time_ms >= @from AND time_ms < @to ORDER BY time_ms, seq", null);
        Add(cmd, "@node", node);
        Add(cmd, "@from", fromUnixMilliseconds);
        Add(cmd, "@to", toUnixMilliseconds);
        using DbDataReader r = cmd.ExecuteReader();
        while (r.Read())
        {
            row(r.GetInt64(0), r.GetInt32(1));
        }
    }

    public void Dispose() => _connection.Dispose();

    internal DbCommand Command(string sql, DbTransaction? tx)
    {
        DbCommand cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    internal static DbParameter Add(DbCommand cmd, string name, object? value)
    {
        DbParameter p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }

    private void Migrate()
    {
        try
        {
            Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_ms BIGINT NOT NULL)");
            using DbTransaction tx = _connection.BeginTransaction();
            if (Dialect == StorageDialect.Postgres)
            {
                // Two collectors starting at once: the second waits here, then finds the schema migrated.
                using DbCommand lockCmd = Command("SELECT pg_advisory_xact_lock(7262135)", tx);
                lockCmd.ExecuteNonQuery();
            }

            int version = (int)ScalarLong("SELECT COALESCE(MAX(version), 0) FROM schema_version", tx);
            if (version > StorageMigrations.Latest)
            {
                throw new StorageException($"the database {Description} has schema version {version}, newer than this sensornode knows ({StorageMigrations.Latest}): upgrade sensornode");
            }

            for (int v = version; v < StorageMigrations.Latest; v++)
            {
                (string sqlite, string postgres) = StorageMigrations.All[v];
                using (DbCommand ddl = Command(Dialect == StorageDialect.Sqlite ? sqlite : postgres, tx))
                {
                    ddl.ExecuteNonQuery();
                }

                using DbCommand mark = Command("INSERT INTO schema_version (version, applied_ms) VALUES (@v, @t)", tx);
                Add(mark, "@v", v + 1);
                Add(mark, "@t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                mark.ExecuteNonQuery();
            }

            tx.Commit();
        }
        catch (DbException ex)
        {
            throw new StorageException($"cannot prepare the schema of {Description}: {ex.Message}", ex);
        }
    }

    private void Execute(string sql)
    {
        using DbCommand cmd = Command(sql, null);
        cmd.ExecuteNonQuery();
    }

    private long ScalarLong(string sql, DbTransaction? tx)
    {
        using DbCommand cmd = Command(sql, tx);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }
}
