using System;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;

namespace SensorNode.Tests.Storage;

/// <summary>Telemetry batches for storage tests, encoded with the core's own encoder (docs/spec/mqtt.md §5).</summary>
internal static class TestBatch
{
    /// <summary>Base time of every test reading: 2026-11-27T06:00:00Z.</summary>
    public const long BaseUnixMilliseconds = 1795759200000;

    /// <summary>One batch of readings with the given sequence numbers; reading seq s is taken at base + s minutes, 20.00 °C + s centi-°C.</summary>
    public static byte[] Of(params long[] seqs)
    {
        var records = new SampleRecord[seqs.Length];
        for (int i = 0; i < seqs.Length; i++)
        {
            records[i] = Reading(seqs[i]);
        }

        var buffer = new byte[TelemetryFormat.BatchSize(seqs.Length)];
        BatchStatus status = new TelemetryBatchEncoder().Encode(records, 0, records.Length, buffer, 0, buffer.Length, out int length);
        if (status != BatchStatus.Ok || length != buffer.Length)
        {
            throw new InvalidOperationException("test batch not encodable: " + status);
        }

        return buffer;
    }

    /// <summary>Seqs first..first+count-1.</summary>
    public static byte[] Range(long first, int count)
    {
        var seqs = new long[count];
        for (int i = 0; i < count; i++)
        {
            seqs[i] = first + i;
        }

        return Of(seqs);
    }

    /// <summary>The reading <see cref="Of"/> writes for <paramref name="seq"/>; humidity read_failed on every 7th.</summary>
    public static SampleRecord Reading(long seq)
    {
        var r = new SampleRecord { Sequence = (uint)seq, UnixMilliseconds = BaseUnixMilliseconds + (seq * 60000), AnomalyMask = seq % 5 == 0 ? 1 : 0 };
        r.Set(Channel.Temperature, 2000 + (int)(seq % 1000), ReadingStatus.Ok);
        r.Set(Channel.Humidity, 4500, seq % 7 == 0 ? ReadingStatus.ReadFailed : ReadingStatus.Ok);
        r.Set(Channel.Pressure, 101325, ReadingStatus.Ok);
        r.Set(Channel.VibrationRms, 12, ReadingStatus.Ok);
        r.Set(Channel.CrestFactor, 1414, ReadingStatus.Ok);
        return r;
    }
}
