using SensorNode.Core.Bytes;
using SensorNode.Core.Ota;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// What an always-on node keeps in flash across reboots (docs/spec/retained-state.md §10): the next
    /// sequence number (so seq keeps rising, mqtt.md §5), the boot count, and the readings the broker has not
    /// acknowledged. The device (AlwaysOnNode) and the simulator (--state) use the same files. Every write is
    /// one atomic Replace; a missing or damaged file reads as a fresh node's value. Buffers are allocated
    /// once, for <see cref="PendingReadings.Capacity"/> readings.
    /// </summary>
    public sealed class AlwaysOnState
    {
        /// <summary>Next sequence number: 8 bytes, little-endian.</summary>
        public const string SequenceFile = "seq.bin";

        /// <summary>Boots so far: 8 bytes, little-endian.</summary>
        public const string BootFile = "boot.bin";

        /// <summary>Unacknowledged readings: telemetry batches (mqtt.md §5), each after its u16 little-endian length.</summary>
        public const string PendingFile = "pending.bin";

        private readonly IFileStore _store;
        private readonly byte[] _word = new byte[8];
        private readonly byte[] _pending;
        private readonly TelemetryBatchEncoder _encoder = new TelemetryBatchEncoder();
        private readonly SampleRecord _record = new SampleRecord();

        /// <summary>Keeps the state in <paramref name="store"/> for a buffer of <paramref name="capacityReadings"/> readings.</summary>
        public AlwaysOnState(IFileStore store, int capacityReadings)
        {
            _store = store;
            // Whole batches of MaxReadings, then one batch for the rest: exactly what a full buffer needs.
            int full = capacityReadings / TelemetryFormat.MaxReadings;
            int rest = capacityReadings % TelemetryFormat.MaxReadings;
            _pending = new byte[(full * (TelemetryFormat.BatchSize(TelemetryFormat.MaxReadings) + 2)) + (rest > 0 ? TelemetryFormat.BatchSize(rest) + 2 : 0)];
        }

        /// <summary>Next sequence number (0 for a fresh node).</summary>
        public uint LoadNextSequence()
        {
            return (uint)ReadLong(SequenceFile);
        }

        /// <summary>Stores the next sequence number.</summary>
        public void SaveNextSequence(uint next)
        {
            WriteLong(SequenceFile, next);
        }

        /// <summary>Counts one more boot and returns the new count.</summary>
        public uint CountBoot()
        {
            uint boots = (uint)ReadLong(BootFile) + 1;
            WriteLong(BootFile, boots);
            return boots;
        }

        /// <summary>Adds the stored unacknowledged readings to <paramref name="pending"/> (boot time; allocates); returns how many.</summary>
        public int LoadPending(PendingReadings pending)
        {
            int length = _store.Length(PendingFile);
            if (length <= 0)
            {
                return 0;
            }

            byte[] bytes = new byte[length];
            length = _store.Read(PendingFile, 0, bytes, 0, length);
            int loaded = 0;
            int at = 0;
            while (at + 2 <= length)
            {
                int size = LittleEndian.ReadUInt16(bytes, at);
                at += 2;
                int count;
                if (at + size > length || TelemetryBatchDecoder.Check(bytes, at, size, out count) != BatchStatus.Ok)
                {
                    break;
                }

                for (int i = 0; i < count; i++)
                {
                    TelemetryBatchDecoder.Read(bytes, at, i, _record);
                    pending.Add(_record);
                    loaded++;
                }

                at += size;
            }

            return loaded;
        }

        /// <summary>Replaces the stored unacknowledged readings with <paramref name="pending"/>'s; false when they do not fit (nothing written).</summary>
        public bool SavePending(PendingReadings pending)
        {
            int used = 0;
            int done = 0;
            while (done < pending.Count)
            {
                int n = pending.Count - done;
                if (n > TelemetryFormat.MaxReadings)
                {
                    n = TelemetryFormat.MaxReadings;
                }

                int length;
                BatchStatus status = _encoder.Encode(pending.Ring, (pending.Start + done) % pending.Capacity, n, _pending, used + 2, _pending.Length - used - 2, out length);
                if (status != BatchStatus.Ok)
                {
                    return false;
                }

                LittleEndian.WriteUInt16(_pending, used, length);
                used += 2 + length;
                done += n;
            }

            _store.Replace(PendingFile, _pending, 0, used);
            return true;
        }

        private long ReadLong(string name)
        {
            if (_store.Length(name) != 8 || _store.Read(name, 0, _word, 0, 8) != 8)
            {
                return 0;
            }

            return (long)(LittleEndian.ReadUInt32(_word, 0) | ((ulong)LittleEndian.ReadUInt32(_word, 4) << 32));
        }

        private void WriteLong(string name, long value)
        {
            LittleEndian.WriteUInt32(_word, 0, (uint)value);
            LittleEndian.WriteUInt32(_word, 4, (uint)((ulong)value >> 32));
            _store.Replace(name, _word, 0, 8);
        }
    }
}
