using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using SensorNode.Host.Storage;

namespace SensorNode.Cli.Monitor;

/// <summary>
/// `monitor --db D`: the gaps `sensornode collect` recorded in D (docs/spec/storage.md §3.3), under the live view
/// or as a "gaps" array in the --json snapshot. Read at every refresh; a database error shows as one line, never stops the view.
/// </summary>
internal sealed class RecordedGaps
{
    private readonly string _db;

    public RecordedGaps(string db)
    {
        if (!PostgresUrl.IsPostgres(db) && !File.Exists(db))
        {
            throw new CliException($"--db file not found: {db} (the database `sensornode collect --db` writes)");
        }

        _db = db;
    }

    /// <summary>The view followed by a "recorded gaps" section.</summary>
    public string AppendTo(string view)
    {
        var b = new StringBuilder(view);
        if (!TryRead(out List<SeqGap> gaps, out string error))
        {
            b.Append("recorded gaps: ").Append(error).Append('\n');
            return b.ToString();
        }

        long missing = 0;
        gaps.ForEach(g => missing += g.Missing);
        b.Append(string.Create(CultureInfo.InvariantCulture, $"recorded gaps: {gaps.Count} ({missing} readings missing)\n"));
        foreach (SeqGap g in gaps)
        {
            b.Append(string.Create(CultureInfo.InvariantCulture, $"  {g.Node,-16} seq {g.FirstSeq}..{g.LastSeq} ({g.Missing} missing), seen {DateTimeOffset.FromUnixTimeMilliseconds(g.SeenUnixMilliseconds):yyyy-MM-dd HH:mm:ss}Z\n"));
        }

        return b.ToString();
    }

    /// <summary>The --json snapshot with a "gaps" array (node, first_seq, last_seq, missing, seen_ms) added.</summary>
    public string AddTo(string json)
    {
        JsonObject root = JsonNode.Parse(json)!.AsObject();
        var array = new JsonArray();
        if (TryRead(out List<SeqGap> gaps, out string error))
        {
            foreach (SeqGap g in gaps)
            {
                array.Add(new JsonObject { ["node"] = g.Node, ["first_seq"] = g.FirstSeq, ["last_seq"] = g.LastSeq, ["missing"] = g.Missing, ["seen_ms"] = g.SeenUnixMilliseconds });
            }
        }
        else
        {
            root["gaps_error"] = error;
        }

        root["gaps"] = array;
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private bool TryRead(out List<SeqGap> gaps, out string error)
    {
        try
        {
            using ReadingStore store = ReadingStore.Open(_db);
            gaps = store.Gaps();
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is StorageException or System.Data.Common.DbException)
        {
            gaps = new List<SeqGap>();
            error = ex.Message;
            return false;
        }
    }
}
