using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Text;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;

namespace SensorNode.Host.Storage;

/// <summary>
/// The work of one <see cref="ReadingStore.Ingest"/> transaction (docs/spec/storage.md §4): lock the nodes it
/// touches, insert readings with (node, seq) unique, maintain gaps, keep malformed batches aside, update the nodes.
/// </summary>
internal sealed class IngestTransaction
{
    private readonly ReadingStore _store;
    private readonly DbTransaction _tx;
    private readonly long _now;
    private readonly Dictionary<string, NodeProgress> _nodes = new(StringComparer.Ordinal);
    private readonly SampleRecord _record = new();
    private const int ColumnCount = 15;

    private static readonly DbType[] ColumnTypes =
    {
        DbType.String, DbType.Int64, DbType.Int64, DbType.Int64,
        DbType.Int32, DbType.Int16, DbType.Int32, DbType.Int16, DbType.Int32, DbType.Int16, DbType.Int32, DbType.Int16, DbType.Int32, DbType.Int16,
        DbType.Int16,
    };

    private readonly Dictionary<int, DbCommand> _inserts = new();
    private int _stored;
    private int _duplicates;
    private int _malformed;
    private int _gapsOpened;

    public IngestTransaction(ReadingStore store, DbTransaction tx, long nowUnixMilliseconds)
    {
        _store = store;
        _tx = tx;
        _now = nowUnixMilliseconds;
    }

    public IngestReport Run(IReadOnlyList<TelemetryMessage> messages)
    {
        try
        {
            LockNodes(messages);
            foreach (TelemetryMessage m in messages)
            {
                if (m.Kind == TopicKind.Telemetry)
                {
                    StoreBatch(m);
                }
                else
                {
                    StoreLatest(m);
                }
            }

            foreach ((string node, NodeProgress p) in _nodes)
            {
                using DbCommand update = _store.Command("UPDATE nodes SET max_seq = @max, readings = readings + @stored, duplicates = duplicates + @dups, last_seen_ms = @now WHERE node = @node", _tx);
                ReadingStore.Add(update, "@max", p.MaxSeq);
                ReadingStore.Add(update, "@stored", p.Stored);
                ReadingStore.Add(update, "@dups", p.Duplicates);
                ReadingStore.Add(update, "@now", _now);
                ReadingStore.Add(update, "@node", node);
                update.ExecuteNonQuery();
            }
        }
        finally
        {
            foreach (DbCommand cmd in _inserts.Values)
            {
                cmd.Dispose();
            }
        }

        return new IngestReport(messages.Count, _stored, _duplicates, _malformed, _gapsOpened);
    }

    /// <summary>
    /// Creates missing node rows and reads each node's highest seq, in node order; on PostgreSQL the rows stay
    /// locked to the end of the transaction, so collectors sharing a subscription keep gaps consistent and
    /// never deadlock (storage.md §4.3).
    /// </summary>
    private void LockNodes(IReadOnlyList<TelemetryMessage> messages)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (TelemetryMessage m in messages)
        {
            if (m.Kind == TopicKind.Telemetry)
            {
                names.Add(m.Node);
            }
        }

        string forUpdate = _store.Dialect == StorageDialect.Postgres ? " FOR UPDATE" : string.Empty;
        foreach (string node in names)
        {
            using (DbCommand create = _store.Command("INSERT INTO nodes (node, max_seq, readings, duplicates, first_seen_ms, last_seen_ms) VALUES (@node, -1, 0, 0, @now, @now) ON CONFLICT (node) DO NOTHING", _tx))
            {
                ReadingStore.Add(create, "@node", node);
                ReadingStore.Add(create, "@now", _now);
                create.ExecuteNonQuery();
            }

            using DbCommand read = _store.Command("SELECT max_seq FROM nodes WHERE node = @node" + forUpdate, _tx);
            ReadingStore.Add(read, "@node", node);
            _nodes[node] = new NodeProgress { MaxSeq = Convert.ToInt64(read.ExecuteScalar()) };
        }
    }

    private void StoreBatch(TelemetryMessage m)
    {
        BatchStatus status = TelemetryBatchDecoder.Check(m.Payload, 0, m.Payload.Length, out int count);
        if (status != BatchStatus.Ok)
        {
            KeepAside(m, StorageText.Reason(status));
            return;
        }

        HashSet<long> inserted = InsertAll(m, count);
        NodeProgress p = _nodes[m.Node];
        var late = new List<long>();
        for (int i = 0; i < count; i++)
        {
            TelemetryBatchDecoder.Read(m.Payload, 0, i, _record);
            long seq = _record.Sequence;
            if (!inserted.Remove(seq))
            {
                p.Duplicates++;
                _duplicates++;
                continue;
            }

            p.Stored++;
            _stored++;
            if (p.MaxSeq < 0 || seq == p.MaxSeq + 1)
            {
                p.MaxSeq = seq;
            }
            else if (seq > p.MaxSeq + 1)
            {
                OpenGap(m.Node, p.MaxSeq + 1, seq - 1, _now);
                _gapsOpened++;
                p.MaxSeq = seq;
            }
            else
            {
                late.Add(seq);
            }
        }

        if (late.Count > 0)
        {
            FillGaps(m.Node, late);
        }
    }

    /// <summary>
    /// Inserts every reading of a checked batch and returns the seqs actually inserted; (node, seq) already stored
    /// are skipped by ON CONFLICT.
    /// </summary>
    private HashSet<long> InsertAll(TelemetryMessage m, int count)
    {
        // SQLite runs in-process, so a statement per reading costs no round trip, and Microsoft.Data.Sqlite binds
        // parameters by name (a linear search each): one prepared single-row INSERT is cheaper there
        // (docs/benchmarks/ingest.md). PostgreSQL gets one multi-row INSERT per batch.
        int rows = _store.Dialect == StorageDialect.Sqlite ? 1 : count;
        var inserted = new HashSet<long>();
        for (int first = 0; first < count; first += rows)
        {
            InsertRows(m, first, rows, inserted);
        }

        return inserted;
    }

    private void InsertRows(TelemetryMessage m, int first, int count, HashSet<long> inserted)
    {
        if (!_inserts.TryGetValue(count, out DbCommand? cmd))
        {
            var sql = new StringBuilder(
                "INSERT INTO readings (node, seq, time_ms, received_ms, temperature_centi_c, temperature_status, humidity_centi_pct, humidity_status, " +
                "pressure_pa, pressure_status, vibration_rms_milli_g, vibration_rms_status, crest_factor_milli, crest_factor_status, anomaly_mask) VALUES ");
            cmd = _store.Command(string.Empty, _tx);
            for (int r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (int c = 0; c < ColumnCount; c++)
                {
                    string name = "@p" + ((r * ColumnCount) + c).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    sql.Append(c == 0 ? name : ", " + name);
                    ReadingStore.Add(cmd, name, null).DbType = ColumnTypes[c];
                }

                sql.Append(')');
            }

            sql.Append(count == 1 ? " ON CONFLICT (node, seq) DO NOTHING" : " ON CONFLICT (node, seq) DO NOTHING RETURNING seq");
            cmd.CommandText = sql.ToString();
            cmd.Prepare();
            _inserts[count] = cmd;
        }

        DbParameterCollection ps = cmd.Parameters;
        for (int r = 0; r < count; r++)
        {
            TelemetryBatchDecoder.Read(m.Payload, 0, first + r, _record);
            int at = r * ColumnCount;
            ps[at].Value = m.Node;
            ps[at + 1].Value = (long)_record.Sequence;
            ps[at + 2].Value = _record.UnixMilliseconds == 0 ? DBNull.Value : _record.UnixMilliseconds;
            ps[at + 3].Value = m.ReceivedUnixMilliseconds;
            for (int c = 0; c < SampleRecord.ChannelCount; c++)
            {
                bool ok = _record.Statuses[c] == (byte)ReadingStatus.Ok;
                ps[at + 4 + (2 * c)].Value = ok ? _record.Values[c] : DBNull.Value;
                ps[at + 5 + (2 * c)].Value = (short)_record.Statuses[c];
            }

            ps[at + 14].Value = (short)_record.AnomalyMask;
        }

        if (count == 1)
        {
            if (cmd.ExecuteNonQuery() == 1)
            {
                inserted.Add(_record.Sequence);
            }

            return;
        }

        using DbDataReader reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            inserted.Add(reader.GetInt64(0));
        }
    }

    private void OpenGap(string node, long first, long last, long seenMs)
    {
        using DbCommand cmd = _store.Command("INSERT INTO gaps (node, first_seq, last_seq, seen_ms) VALUES (@node, @first, @last, @seen)", _tx);
        ReadingStore.Add(cmd, "@node", node);
        ReadingStore.Add(cmd, "@first", first);
        ReadingStore.Add(cmd, "@last", last);
        ReadingStore.Add(cmd, "@seen", seenMs);
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Late readings (seq below the node's highest, e.g. the other collector committed a newer batch first): the gaps
    /// that held them shrink, split or close, keeping their seen_ms (storage.md §4.2). One query for the whole batch.
    /// </summary>
    private void FillGaps(string node, List<long> late)
    {
        late.Sort();
        var touched = new List<(long First, long Last, long Seen)>();
        using (DbCommand find = _store.Command("SELECT first_seq, last_seq, seen_ms FROM gaps WHERE node = @node AND last_seq >= @low AND first_seq <= @high", _tx))
        {
            ReadingStore.Add(find, "@node", node);
            ReadingStore.Add(find, "@low", late[0]);
            ReadingStore.Add(find, "@high", late[^1]);
            using DbDataReader r = find.ExecuteReader();
            while (r.Read())
            {
                touched.Add((r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)));
            }
        }

        foreach ((long first, long last, long seen) in touched)
        {
            using (DbCommand delete = _store.Command("DELETE FROM gaps WHERE node = @node AND first_seq = @first", _tx))
            {
                ReadingStore.Add(delete, "@node", node);
                ReadingStore.Add(delete, "@first", first);
                delete.ExecuteNonQuery();
            }

            // What remains of [first, last] once the late seqs are taken out.
            long from = first;
            foreach (long seq in late)
            {
                if (seq < from || seq > last)
                {
                    continue;
                }

                if (seq > from)
                {
                    OpenGap(node, from, seq - 1, seen);
                }

                from = seq + 1;
            }

            if (from <= last)
            {
                OpenGap(node, from, last, seen);
            }
        }
    }

    private void KeepAside(TelemetryMessage m, string reason)
    {
        using DbCommand cmd = _store.Command("INSERT INTO malformed (node, topic, received_ms, reason, payload) VALUES (@node, @topic, @received, @reason, @payload)", _tx);
        ReadingStore.Add(cmd, "@node", m.Node);
        ReadingStore.Add(cmd, "@topic", m.Topic);
        ReadingStore.Add(cmd, "@received", m.ReceivedUnixMilliseconds);
        ReadingStore.Add(cmd, "@reason", reason);
        ReadingStore.Add(cmd, "@payload", m.Payload);
        cmd.ExecuteNonQuery();
        _malformed++;
    }

    private void StoreLatest(TelemetryMessage m)
    {
        using DbCommand cmd = _store.Command(
            "INSERT INTO node_topics (node, kind, payload, received_ms) VALUES (@node, @kind, @payload, @received) " +
            "ON CONFLICT (node, kind) DO UPDATE SET payload = excluded.payload, received_ms = excluded.received_ms", _tx);
        ReadingStore.Add(cmd, "@node", m.Node);
        ReadingStore.Add(cmd, "@kind", StorageText.Kind(m.Kind));
        ReadingStore.Add(cmd, "@payload", Encoding.UTF8.GetString(m.Payload).Replace("\0", string.Empty, StringComparison.Ordinal));
        ReadingStore.Add(cmd, "@received", m.ReceivedUnixMilliseconds);
        cmd.ExecuteNonQuery();
    }

    private sealed class NodeProgress
    {
        public long MaxSeq;
        public long Stored;
        public long Duplicates;
    }
}
