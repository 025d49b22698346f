using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;

namespace SensorNode.Tests.Mqtt;

/// <summary>The named vectors of docs/spec/mqtt.md, loaded from docs/spec/vectors/mqtt/, against the core's writers and parser.</summary>
[TestClass]
public sealed class MqttVectorTests
{
    private static string Vector(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "mqtt", name)).Replace("@FIRMWARE_VERSION@", FirmwareInfo.Version).TrimEnd('\n');

    private static SampleRecord Reading(uint seq, long unix, int t, int h, int p, int rms, int crest, int mask = 0)
    {
        var r = new SampleRecord { Sequence = seq, UnixMilliseconds = unix, AnomalyMask = mask };
        r.Set(Channel.Temperature, t, ReadingStatus.Ok);
        r.Set(Channel.Humidity, h, ReadingStatus.Ok);
        r.Set(Channel.Pressure, p, ReadingStatus.Ok);
        r.Set(Channel.VibrationRms, rms, ReadingStatus.Ok);
        r.Set(Channel.CrestFactor, crest, ReadingStatus.Ok);
        return r;
    }

    private static SampleRecord[] TwoReadings()
    {
        SampleRecord a = Reading(7, 1764254460000, -1025, 9999, 98765, 1500, 4200, 1 << (int)Channel.VibrationRms);
        SampleRecord b = Reading(8, 1764254461000, -1030, 0, 98760, 1510, 4100);
        b.Set(Channel.Humidity, 0, ReadingStatus.ReadFailed);
        b.Set(Channel.Pressure, 98760, ReadingStatus.Stuck);
        return new[] { a, b };
    }

    private static string Batch(params SampleRecord[] records)
    {
        byte[] buffer = new byte[TelemetryFormat.BatchSize(records.Length)];
        Assert.AreEqual(BatchStatus.Ok, new TelemetryBatchEncoder().Encode(records, 0, records.Length, buffer, 0, buffer.Length, out int length));
        return Convert.ToHexStringLower(buffer, 0, length);
    }

    [TestMethod]
    public void BatchVectors_MatchTheEncoder()
    {
        Assert.AreEqual(Vector("batch_one_reading.hex"), Batch(Reading(42, 1764254400000, 2150, 4520, 101325, 12, 1414)));
        Assert.AreEqual(Vector("batch_two_readings_anomaly_and_faults.hex"), Batch(TwoReadings()));
        Assert.AreEqual(Vector("batch_no_clock_max_seq.hex"), Batch(Reading(uint.MaxValue, 0, 0, 0, 0, 0, 0)));
    }

    [TestMethod]
    public void JsonVectors_MatchTheWriters()
    {
        byte[] buffer = new byte[1024];
        string Text(int length) => Encoding.UTF8.GetString(buffer, 0, length);
        Assert.AreEqual(Vector("state_one_reading.json"), Text(new StateWriter().Write(Reading(42, 1764254400000, 2150, 4520, 101325, 12, 1414), buffer, 0, buffer.Length)));
        Assert.AreEqual(Vector("state_anomaly.json"), Text(new StateWriter().Write(TwoReadings()[0], buffer, 0, buffer.Length)));
        Assert.AreEqual(Vector("state_faults.json"), Text(new StateWriter().Write(TwoReadings()[1], buffer, 0, buffer.Length)));
        Assert.AreEqual(Vector("sleep_example.json"), Text(new SleepWriter().Write(1764254700000, 300, buffer, 0, buffer.Length)));
        var health = new HealthReport { Level = HealthLevel.Warning, BootCount = 17, ResetReason = ResetReason.DeepSleepWake, UptimeSeconds = 4, RssiDbm = -67, FreeMemoryBytes = 81234, BufferFill = 3, BufferCapacity = 256, ConfigVersion = 5 };
        health.SensorErrors[(int)Channel.Humidity] = 2;
        Assert.AreEqual(Vector("health_example.json"), Text(new HealthWriter().Write(health, buffer, 0, buffer.Length)));
        var topics = new MqttTopics("sensornode", "node1");
        foreach ((int index, string name) in new[] { (0, "discovery_temperature.json"), (4, "discovery_crest_factor.json"), (5, "discovery_anomaly.json") })
        {
            Assert.AreEqual(Vector(name), Text(new DiscoveryWriter().Write(index, topics, 120, buffer, 0, buffer.Length)), name);
        }
    }

    [TestMethod]
    public void CommandVectors_EveryRowGivesItsResult()
    {
        string[] rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "vectors", "mqtt", "commands.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        Assert.IsTrue(rows.Length >= 40);
        var parser = new CommandParser();
        var writer = new CommandResultWriter();
        var command = new Command();
        byte[] result = new byte[512];
        var failures = new List<string>();
        foreach (string row in rows)
        {
            string[] cells = row.Split('\t');
            byte[] payload = Encoding.UTF8.GetBytes(cells[1]);
            CommandStatus status = parser.Parse(payload, 0, payload.Length, command);
            int length = writer.Write(command, status, result, 0, result.Length);
            string actual = Encoding.UTF8.GetString(result, 0, length);
            if (actual != cells[2])
            {
                failures.Add($"{cells[0]}: expected {cells[2]} got {actual}");
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
    }

    [TestMethod]
    public void CommandParser_RandomBytes_NeverThrows_AndOnlyValidCommandsPass()
    {
        var parser = new CommandParser();
        var command = new Command();
        var random = new Random(1234);
        string[] pieces = { "{", "}", "\"cmd\"", ":", ",", "\"set_interval\"", "\"seconds\"", "1", "-", ".", "e", "\"", "\\", "[", "null", "true", " ", "\"ota\"", "\"url\"" };
        for (int i = 0; i < 20000; i++)
        {
            var text = new StringBuilder();
            int n = random.Next(0, 14);
            for (int k = 0; k < n; k++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
            if (random.Next(4) == 0 && bytes.Length > 0)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            CommandStatus status = parser.Parse(bytes, 0, bytes.Length, command);
            if (status == CommandStatus.Ok)
            {
                // Anything accepted must be JSON that .NET agrees is an object with the command's name.
                using var doc = System.Text.Json.JsonDocument.Parse(bytes);
                Assert.AreEqual(CommandParser.Names[(int)command.Kind], doc.RootElement.GetProperty("cmd").GetString());
            }
        }
    }

    [TestMethod]
    public void Spec_ErrorTablesListEveryEnumMember()
    {
        string spec = File.ReadAllText(Repo.Path("docs", "spec", "mqtt.md"));
        foreach (Type type in new[] { typeof(CommandStatus), typeof(BatchStatus), typeof(TopicStatus), typeof(MqttLinkStatus) })
        {
            foreach (object value in Enum.GetValues(type))
            {
                StringAssert.Contains(spec, $"| `{value}` | {(int)value} |", $"{type.Name}.{value} missing from the spec's error table");
            }
        }

        foreach (string error in CommandResultWriter.ErrorNames.Skip(1))
        {
            StringAssert.Contains(spec, $"`{error}`");
        }
    }
}
