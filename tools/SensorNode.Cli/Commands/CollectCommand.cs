using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using SensorNode.Cli.CommandLine;
using SensorNode.Host.Collect;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Storage;

namespace SensorNode.Cli.Commands;

/// <summary>
/// `sensornode collect --broker URL [--db readings.db|postgres://...]`: stores every reading of every node exactly
/// once (docs/spec/storage.md); `collect --gaps` lists the missing sequence numbers recorded so far.
/// </summary>
internal static class CollectCommand
{
    public static Command Create()
    {
        var command = new Command("collect", "store every reading of every node exactly once in SQLite or PostgreSQL (--gaps lists missing readings); schema: docs/spec/storage.md")
        {
            Opt.Value("--broker", "mqtt[s]://host[:port]", "the broker the nodes publish to (not with --gaps)"),
            Opt.Value("--ca", "ca.pem", "CA that signed the broker's certificate (mqtts://)"),
            Opt.Value("--cert", "client.pem", "client certificate (with --key)"),
            Opt.Value("--key", "client.key", "client certificate's private key (with --cert)"),
            Opt.Value("--username", "U", "MQTT user name"),
            Opt.Value("--password", "P", "MQTT password (needs --username)"),
            Opt.Value("--prefix", "P", "topic prefix [default: sensornode]"),
            Opt.Value("--db", "readings.db|postgres://...", "the readings database [default: readings.db]"),
            Opt.Value("--client-id", "ID", "MQTT client id of the persistent session [default: " + CollectorOptions.DefaultClientId + "]"),
            Opt.Value("--share", "GROUP", "join the shared subscription $share/GROUP/... with other collectors"),
            Opt.Value("--batch", "N", "messages per transaction and MQTT receive maximum, 1..65535 [default: 1000]"),
            Opt.Flag("--gaps", "list the recorded seq gaps and exit"),
            Opt.Value("--node", "ID", "with --gaps: only this node"),
        };
        command.SetAction(r => Run(new ParsedOptions(r), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Reads the options into <see cref="CollectSettings"/>.</summary>
    public static int Run(ParsedOptions a, TextWriter stdout, TextWriter stderr)
    {
        bool gaps = a.Has("--gaps");
        MqttEndpoint? broker = null;
        if (!gaps)
        {
            broker = MqttEndpoint.TryParse(a.Required("--broker"), out string error) ?? throw new CliException(error);
            broker = broker.With(a.Optional("--ca"), a.Optional("--cert"), a.Optional("--key"));
        }

        var settings = new CollectSettings
        {
            Broker = broker,
            Username = a.Optional("--username"),
            Password = a.Optional("--password"),
            Prefix = a.Optional("--prefix") ?? "sensornode",
            Db = a.Optional("--db") ?? "readings.db",
            ClientId = a.Optional("--client-id") ?? CollectorOptions.DefaultClientId,
            Share = a.Optional("--share"),
            Batch = a.Int("--batch", 1, ushort.MaxValue, 1000),
            ShowGaps = gaps,
            Node = a.Optional("--node"),
        };
        return Execute(settings, stdout, stderr, CliStop.Token);
    }

    /// <summary>Runs the verb; collects until SIGINT/SIGTERM or <paramref name="stop"/>.</summary>
    public static int Execute(CollectSettings s, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        Validate(s);
        using ReadingStore store = Open(s.Db);
        if (s.ShowGaps)
        {
            PrintGaps(store, s.Node, stdout);
            return ExitCodes.Ok;
        }

        var options = new CollectorOptions
        {
            Endpoint = s.Broker!,
            Username = s.Username,
            Password = s.Password,
            Prefix = s.Prefix,
            ClientId = s.ClientId,
            ShareGroup = s.Share,
            MaxMessagesPerTransaction = s.Batch,
        };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stop);
        Action<PosixSignalContext> onSignal = c =>
        {
            c.Cancel = true;
            cts.Cancel();
        };
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, onSignal);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, onSignal);
        try
        {
            using var collector = new TelemetryCollector(options, store, stdout);
            collector.RunAsync(cts.Token).GetAwaiter().GetResult();
            IngestReport t = collector.Totals;
            stdout.WriteLine($"collect: stopped; {t.ReadingsStored} readings stored, {t.Duplicates} duplicates dropped, {t.Malformed} malformed batches kept aside, {t.GapsOpened} gaps recorded");
            return ExitCodes.Ok;
        }
        catch (CollectorException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Failed);
        }
        catch (Exception ex) when (ex is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the TLS files: {ex.Message}", ExitCodes.Failed);
        }
    }

    /// <summary>Opens the database or fails with exit 1 and the store's sentence.</summary>
    internal static ReadingStore Open(string db)
    {
        try
        {
            return ReadingStore.Open(db);
        }
        catch (StorageException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Failed);
        }
    }

    private static void Validate(CollectSettings s)
    {
        if (s.Db.Length == 0)
        {
            throw new CliException("--db needs a SQLite file name or a postgres:// URL");
        }

        if (!PostgresUrl.IsPostgres(s.Db) && s.Db.Contains("://", StringComparison.Ordinal))
        {
            throw new CliException($"--db must be a SQLite file name or a postgres://user:password@host/database URL, got '{PostgresUrl.Redact(s.Db)}'");
        }

        if (s.ShowGaps)
        {
            if (!PostgresUrl.IsPostgres(s.Db) && !File.Exists(s.Db))
            {
                throw new CliException($"--db file not found: {s.Db} (run `sensornode collect --db {s.Db}` first)");
            }

            return;
        }

        if (s.Prefix.Length == 0 || s.Prefix.Contains('+') || s.Prefix.Contains('#') || s.Prefix.StartsWith('$'))
        {
            throw new CliException($"--prefix must be a topic prefix without wildcards, got '{s.Prefix}'");
        }

        if (s.Share != null && (s.Share.Length == 0 || s.Share.IndexOfAny(new[] { '/', '+', '#' }) >= 0))
        {
            throw new CliException($"--share must be a group name without '/', '+' or '#', got '{s.Share}'");
        }

        if (s.ClientId.Length is 0 or > 64)
        {
            throw new CliException("--client-id must be 1..64 characters");
        }

        BrokerLoginCheck.Check(s.Broker!.UseTls, s.Broker.CaFile, s.Broker.CertFile, s.Broker.KeyFile, s.Username, s.Password);
    }

    private static void PrintGaps(ReadingStore store, string? node, TextWriter stdout)
    {
        List<SeqGap> gaps = store.Gaps(node);
        long missing = 0;
        stdout.WriteLine("node,first_missing_seq,last_missing_seq,missing,seen");
        foreach (SeqGap g in gaps)
        {
            missing += g.Missing;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{g.Node},{g.FirstSeq},{g.LastSeq},{g.Missing},{DateTimeOffset.FromUnixTimeMilliseconds(g.SeenUnixMilliseconds):yyyy-MM-ddTHH:mm:ss.fffZ}"));
        }

        int malformed = store.Malformed().Count;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {gaps.Count} gaps, {missing} readings missing; {store.ReadingCount(node)} readings stored; {malformed} malformed batches kept aside"));
    }
}
