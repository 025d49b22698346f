using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using SensorNode.Cli.CommandLine;
using SensorNode.Host.Storage;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode export --db readings.db --node ID --channel NAME [--from T] [--to T] [--output FILE]`: one channel of one
/// node as the `t,value` CSV that `replay stats` reads (docs/spec/storage.md §6). Readings whose channel status is not ok,
/// or that have no timestamp, are left out.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var command = new Command("export", "one channel of one node from the readings database as the t,value CSV that replay reads; docs/spec/storage.md")
        {
            Opt.Value("--db", "readings.db|postgres://...", "the readings database [default: readings.db]"),
            Opt.Value("--node", "ID", "the node", required: true),
            Opt.Value("--channel", "temperature|humidity|pressure|vibration_rms|crest_factor", "the channel", required: true),
            Opt.Value("--from", "T", "first reading time, e.g. 2026-11-27 or 2026-11-27T06:00:00Z (UTC unless an offset is given)"),
            Opt.Value("--to", "T", "end of the range (exclusive)"),
            Opt.Value("--output", "FILE", "write the CSV here instead of stdout"),
        };
        command.SetAction(r => Run(new ParsedOptions(r), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Reads the options into <see cref="ExportSettings"/>.</summary>
    public static int Run(ParsedOptions a, TextWriter stdout, TextWriter stderr)
    {
        string channelName = a.Required("--channel");
        StorageChannel channel = StorageChannel.Find(channelName)
            ?? throw new CliException($"--channel must be one of temperature, humidity, pressure, vibration_rms, crest_factor; got '{channelName}'");
        long from = a.Optional("--from") is string f ? Time("--from", f) : long.MinValue;
        long to = a.Optional("--to") is string t ? Time("--to", t) : long.MaxValue;
        if (from >= to)
        {
            throw new CliException("--from must be before --to");
        }

        var settings = new ExportSettings(a.Optional("--db") ?? "readings.db", a.Required("--node"), channel, from, to, a.Optional("--output"));
        return Execute(settings, stdout, stderr);
    }

    /// <summary>Writes the CSV to the output file (atomically) or to <paramref name="stdout"/>.</summary>
    public static int Execute(ExportSettings s, TextWriter stdout, TextWriter stderr)
    {
        if (!PostgresUrl.IsPostgres(s.Db) && !File.Exists(s.Db))
        {
            throw new CliException($"--db file not found: {s.Db} (run `sensornode collect --db {s.Db}` first)");
        }

        using ReadingStore store = CollectCommand.Open(s.Db);
        int rows = 0;
        var csv = new StringBuilder();
        csv.Append("t,value\n");
        try
        {
            store.ReadChannel(s.Node, s.Channel, s.FromUnixMilliseconds, s.ToUnixMilliseconds, (timeMs, value) =>
            {
                csv.Append(FormatTime(timeMs)).Append(',').Append(s.Channel.Format(value)).Append('\n');
                rows++;
            });
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new CliException($"cannot read {store.Description}: {ex.Message}", ExitCodes.Failed);
        }

        if (s.Output == null)
        {
            stdout.Write(csv.ToString());
        }
        else
        {
            string[] inputs = PostgresUrl.IsPostgres(s.Db) ? Array.Empty<string>() : new[] { s.Db };
            OutputPathGuard.WriteAtomically("export: --output", s.Output, inputs, new UTF8Encoding(false).GetBytes(csv.ToString()));
        }

        stderr.WriteLine($"export: {rows} {s.Channel.Name} readings of {s.Node}" + (s.Output == null ? string.Empty : $" written to {s.Output}"));
        return ExitCodes.Ok;
    }

    /// <summary>Unix ms as ISO 8601 UTC: seconds when whole, else milliseconds (2026-11-27T06:00:00Z, ...00.250Z).</summary>
    internal static string FormatTime(long unixMilliseconds)
    {
        DateTimeOffset t = DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
        return t.ToString(unixMilliseconds % 1000 == 0 ? "yyyy-MM-ddTHH:mm:ssZ" : "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
    }

    private static long Time(string option, string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset t))
        {
            throw new CliException($"{option} must be a date or time like 2026-11-27 or 2026-11-27T06:00:00Z (UTC unless an offset is given), got '{text}'");
        }

        return t.ToUnixTimeMilliseconds();
    }
}
