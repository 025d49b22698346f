using System;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;

namespace SensorNode.Host.Simulation;

/// <summary>
/// What the simulated node keeps in its "flash" (--state DIR) between runs: the next sequence number,
/// the boot count, and readings the broker has not acknowledged yet (stored as telemetry batches,
/// docs/spec/mqtt.md §5, each preceded by its u16 little-endian length).
/// </summary>
public sealed class NodeStateStore
{
    private const string SequenceFile = "seq.bin";
    private const string BootFile = "boot.bin";
    private const string PendingFile = "pending.bin";

    private readonly IFileStore _store;
    private readonly byte[] _word = new byte[8];

    /// <summary>Wraps a store.</summary>
    public NodeStateStore(IFileStore store) => _store = store;

    /// <summary>Next sequence number (0 for a fresh node).</summary>
    public uint LoadNextSequence() => (uint)ReadLong(SequenceFile);

    /// <summary>Stores the next sequence number (atomically).</summary>
    public void SaveNextSequence(uint next) => WriteLong(SequenceFile, next);

    /// <summary>Counts one more boot and returns the new count.</summary>
    public uint CountBoot()
    {
        uint boots = (uint)ReadLong(BootFile) + 1;
        WriteLong(BootFile, boots);
        return boots;
    }

    /// <summary>Loads the readings left unpublished by the last run into <paramref name="pending"/>; returns how many.</summary>
    public int LoadPending(PendingReadings pending)
    {
        int length = _store.Length(PendingFile);
        if (length <= 0)
        {
            return 0;
        }

        byte[] bytes = new byte[length];
        _store.Read(PendingFile, 0, bytes, 0, length);
        var record = new SampleRecord();
        int loaded = 0;
        for (int at = 0; at + 2 <= length;)
        {
            int size = bytes[at] | (bytes[at + 1] << 8);
            at += 2;
            if (at + size > length || TelemetryBatchDecoder.Check(bytes, at, size, out int count) != BatchStatus.Ok)
            {
                break;
            }

            for (int i = 0; i < count; i++)
            {
                TelemetryBatchDecoder.Read(bytes, at, i, record);
                pending.Add(record);
                loaded++;
            }

            at += size;
        }

        return loaded;
    }

    /// <summary>Replaces the stored unpublished readings with <paramref name="pending"/>'s.</summary>
    public void SavePending(PendingReadings pending)
    {
        var encoder = new TelemetryBatchEncoder();
        byte[] all = new byte[(pending.Count / TelemetryFormat.MaxReadings + 1) * (TelemetryFormat.BatchSize(TelemetryFormat.MaxReadings) + 2)];
        int used = 0;
        for (int done = 0; done < pending.Count;)
        {
            int n = Math.Min(TelemetryFormat.MaxReadings, pending.Count - done);
            BatchStatus status = encoder.Encode(pending.Ring, (pending.Start + done) % pending.Capacity, n, all, used + 2, all.Length - used - 2, out int length);
            if (status != BatchStatus.Ok)
            {
                throw new InvalidOperationException("cannot store unpublished readings: " + status);
            }

            all[used] = (byte)length;
            all[used + 1] = (byte)(length >> 8);
            used += 2 + length;
            done += n;
        }

        _store.Replace(PendingFile, all, 0, used);
    }

    private long ReadLong(string name)
    {
        if (_store.Length(name) != 8 || _store.Read(name, 0, _word, 0, 8) != 8)
        {
            return 0;
        }

        return BitConverter.ToInt64(_word, 0);
    }

    private void WriteLong(string name, long value)
    {
        BitConverter.TryWriteBytes(_word, value);
        _store.Replace(name, _word, 0, 8);
    }
}
