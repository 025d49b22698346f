using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;
using SensorNode.Host.Collect;
using SensorNode.Host.Mqtt;
using SensorNode.Host.Storage;

namespace SensorNode.Benchmarks.Ingest;

/// <summary>
/// `dotnet run -c Release --project tools/SensorNode.Benchmarks -- ingest [--nodes N] [--batches B] [--per-batch R]
/// [--engine sqlite|postgres|both] [--transaction M]`: simulated batches from many nodes through a real Mosquitto into
/// SQLite and PostgreSQL with the real collector (docs/benchmarks/ingest.md). Two phases per engine:
/// <c>backlog</c> (the collector was away; the broker holds every batch for its session; time to store them all) and
/// <c>live</c> (publishers and collector at once on the same machine).
/// </summary>
internal static class IngestBench
{
    public static int Run(string[] args)
    {
        int nodes = Option(args, "--nodes", 500);
        int batches = Option(args, "--batches", 20);
        int perBatch = Option(args, "--per-batch", 32);
        int transaction = Option(args, "--transaction", 1000);
        string engine = OptionText(args, "--engine", "both");
        Console.WriteLine($"ingest benchmark: {nodes} nodes x {batches} batches x {perBatch} readings = {nodes * batches * perBatch} readings per phase; " +
            $"up to {transaction} messages per transaction; {Environment.ProcessorCount} cores; {RuntimeInfo()}");
        Console.WriteLine("| engine | phase | readings | seconds | readings/s | collector CPU µs/reading | broker CPU µs/reading | database server CPU µs/reading | stored bytes/reading |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        using var servers = new LocalServers();
        servers.StartMosquitto();
        if (engine is "sqlite" or "both")
        {
            Measure(servers, "sqlite", Path.Combine(servers.Directory0, "bench.db"), nodes, batches, perBatch, transaction);
        }

        if (engine is "postgres" or "both")
        {
            Measure(servers, "postgres", servers.StartPostgres(), nodes, batches, perBatch, transaction);
        }

        return 0;
    }

    private static void Measure(LocalServers servers, string engine, string db, int nodes, int batches, int perBatch, int transaction)
    {
        var endpoint = new MqttEndpoint { Host = "127.0.0.1", Port = servers.MqttPort };
        var options = new CollectorOptions { Endpoint = endpoint, ClientId = "bench-" + engine, MaxMessagesPerTransaction = transaction };
        int total = nodes * batches * perBatch;
        using ReadingStore store = ReadingStore.Open(db);

        // Backlog: create the session, leave, let the nodes publish everything, come back and drain it.
        RunCollector(options, store, c => { });
        List<(string Topic, byte[] Payload)> backlog = Encode(nodes, batches, perBatch, firstSeq: 1);
        Publish(servers.MqttPort, backlog);
        Report(engine, "backlog", total, store, db, servers, () => RunCollector(options, store, c => WaitStored(c, total)));

        // Live: the collector runs while the nodes publish the next readings.
        List<(string Topic, byte[] Payload)> live = Encode(nodes, batches, perBatch, firstSeq: 1 + (batches * perBatch));
        Report(engine, "live", total, store, db, servers, () => RunCollector(options, store, c =>
        {
            Publish(servers.MqttPort, live);
            WaitStored(c, total);
        }));

        if (engine == "postgres")
        {
            // Scale-out: two collectors in one shared-subscription group, each with its own connection and session.
            List<(string Topic, byte[] Payload)> shared = Encode(nodes, batches, perBatch, firstSeq: 1 + (2 * batches * perBatch));
            using ReadingStore second = ReadingStore.Open(db);
            var a = new CollectorOptions { Endpoint = endpoint, ClientId = "bench-share-a", ShareGroup = "bench", MaxMessagesPerTransaction = transaction };
            var b = new CollectorOptions { Endpoint = endpoint, ClientId = "bench-share-b", ShareGroup = "bench", MaxMessagesPerTransaction = transaction };
            Report(engine, "live, 2 collectors `$share`", total, store, db, servers, () => RunCollector(a, store, ca => RunCollector(b, second, cb =>
            {
                Publish(servers.MqttPort, shared);
                WaitStored(() => ca.Totals.ReadingsStored + cb.Totals.ReadingsStored, total);
            })));
        }
    }

    private static void Report(string engine, string phase, int total, ReadingStore store, string db, LocalServers servers, Action run)
    {
        TimeSpan ownBefore = Process.GetCurrentProcess().TotalProcessorTime;
        TimeSpan brokerBefore = LocalServers.CpuTime(servers.MosquittoPid!.Value);
        TimeSpan postgresBefore = servers.PostgresCpu();
        var clock = Stopwatch.StartNew();
        run();
        clock.Stop();
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - ownBefore).TotalMilliseconds * 1000 / total;
        double broker = (LocalServers.CpuTime(servers.MosquittoPid!.Value) - brokerBefore).TotalMilliseconds * 1000 / total;
        string server = engine == "postgres" ? ((servers.PostgresCpu() - postgresBefore).TotalMilliseconds * 1000 / total).ToString("F1", CultureInfo.InvariantCulture) : "in collector";
        long stored = store.ReadingCount();
        string bytes = engine == "sqlite" ? SqliteBytes(db, stored) : PostgresBytes(db, stored);
        string collectorCpu = phase == "live" ? cpu.ToString("F1", CultureInfo.InvariantCulture) + " (incl. publishers)" : cpu.ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {engine} | {phase} | {total} | {clock.Elapsed.TotalSeconds:F2} | {total / clock.Elapsed.TotalSeconds:F0} | {collectorCpu} | {broker:F1} | {server} | {bytes} |"));
    }

    private static string SqliteBytes(string path, long stored)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        return (Convert.ToInt64(cmd.ExecuteScalar()) / (double)stored).ToString("F0", CultureInfo.InvariantCulture);
    }

    private static string PostgresBytes(string url, long stored)
    {
        using var c = new Npgsql.NpgsqlConnection(PostgresUrl.ToConnectionString(url));
        c.Open();
        using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_total_relation_size('readings')", c);
        return (Convert.ToInt64(cmd.ExecuteScalar()) / (double)stored).ToString("F0", CultureInfo.InvariantCulture);
    }

    private static void RunCollector(CollectorOptions options, ReadingStore store, Action<TelemetryCollector> whileRunning)
    {
        using var stop = new CancellationTokenSource();
        var log = new StringWriter();
        using var collector = new TelemetryCollector(options, store, TextWriter.Synchronized(log));
        Task task = Task.Run(() => collector.RunAsync(stop.Token));
        SpinWait.SpinUntil(() => log.ToString().Contains("collect: ", StringComparison.Ordinal) || task.IsCompleted, TimeSpan.FromSeconds(30));
        if (task.IsFaulted)
        {
            task.GetAwaiter().GetResult();
        }

        whileRunning(collector);
        stop.Cancel();
        task.GetAwaiter().GetResult();
    }

    private static void WaitStored(TelemetryCollector c, int total) => WaitStored(() => c.Totals.ReadingsStored, total);

    private static void WaitStored(Func<long> stored, int total)
    {
        DateTime deadline = DateTime.UtcNow.AddMinutes(10);
        while (stored() < total)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"only {stored()} of {total} readings stored after 10 minutes");
            }

            Thread.Sleep(2);
        }
    }

    private static List<(string, byte[])> Encode(int nodes, int batches, int perBatch, long firstSeq)
    {
        var list = new List<(string, byte[])>(nodes * batches);
        var encoder = new TelemetryBatchEncoder();
        var ring = new SampleRecord[perBatch];
        for (int i = 0; i < perBatch; i++)
        {
            ring[i] = new SampleRecord();
        }

        long t0 = 1795759200000;
        for (int b = 0; b < batches; b++)
        {
            for (int n = 0; n < nodes; n++)
            {
                for (int i = 0; i < perBatch; i++)
                {
                    long seq = firstSeq + (b * perBatch) + i;
                    SampleRecord r = ring[i];
                    r.Sequence = (uint)seq;
                    r.UnixMilliseconds = t0 + (seq * 300000);
                    r.Set(Channel.Temperature, 2000 + (int)(seq % 300), ReadingStatus.Ok);
                    r.Set(Channel.Humidity, 4500 + n, ReadingStatus.Ok);
                    r.Set(Channel.Pressure, 101325 - (int)(seq % 500), ReadingStatus.Ok);
                    r.Set(Channel.VibrationRms, 12 + (int)(seq % 7), ReadingStatus.Ok);
                    r.Set(Channel.CrestFactor, 1414, ReadingStatus.Ok);
                }

                var buffer = new byte[TelemetryFormat.BatchSize(perBatch)];
                encoder.Encode(ring, 0, perBatch, buffer, 0, buffer.Length, out _);
                list.Add(($"sensornode/n{n:D5}/telemetry", buffer));
            }
        }

        return list;
    }

    /// <summary>Four MQTT connections publish the messages at QoS 1, 64 unacknowledged each.</summary>
    private static void Publish(int port, List<(string Topic, byte[] Payload)> messages)
    {
        const int connections = 4;
        Task[] tasks = Enumerable.Range(0, connections).Select(k => Task.Run(async () =>
        {
            using IMqttClient client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V311)
                .WithClientId("bench-pub-" + k).WithCleanSession(true).Build());
            var window = new List<Task>(64);
            for (int i = k; i < messages.Count; i += connections)
            {
                window.Add(client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(messages[i].Topic).WithPayload(messages[i].Payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
                if (window.Count == 64)
                {
                    await Task.WhenAll(window);
                    window.Clear();
                }
            }

            await Task.WhenAll(window);
            await client.DisconnectAsync();
        })).ToArray();
        Task.WaitAll(tasks);
    }

    private static int Option(string[] args, string name, int fallback) =>
        int.Parse(OptionText(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string OptionText(string[] args, string name, string fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private static string RuntimeInfo() => $".NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
}
