using System;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Core.Duty
{
    /// <summary>
    /// The retained ring of readings across deep sleep: one append-only log file in an
    /// <see cref="IFileStore"/> (docs/spec/retained-state.md). A wake appends one reading and one
    /// checkpoint in a single append; a radio wake appends one more checkpoint. Capacity is logical
    /// (oldest-first eviction, counted); the file is compacted (rewritten to a temporary file and renamed,
    /// both bounded) when it outgrows its retained readings by 32 wakes' worth of records, or after a torn append. Buffers are allocated here.
    /// </summary>
    public sealed class ReadingLog
    {
        /// <summary>Name of the log file.</summary>
        public const string LogName = "duty.log";

        /// <summary>Name of the compaction's temporary file.</summary>
        public const string TempName = "duty.tmp";

        /// <summary>Wakes' worth of growth (reading + two checkpoints each) allowed beyond capacity before compaction.</summary>
        public const int CompactSlackWakes = 32;

        private const int BlockSize = 512;
        private const int CopyChunkReadings = 8;

        private readonly IFileStore _store;
        private readonly int _capacity;
        private readonly byte[] _block = new byte[BlockSize];
        private readonly byte[] _out = new byte[RetainedCodec.HeaderSize + RetainedCodec.CheckpointSize + (CopyChunkReadings * RetainedCodec.ReadingSize)];
        private readonly Checkpoint _state = new Checkpoint();
        private int _blockStart = -1;
        private int _blockLength;
        private bool _hasHeader;

        /// <summary>Creates a log over <paramref name="store"/> holding at most <paramref name="capacityReadings"/> unpublished readings.</summary>
        public ReadingLog(IFileStore store, int capacityReadings)
        {
            if (capacityReadings < 1 || capacityReadings > 65535)
            {
                throw new ArgumentOutOfRangeException("capacityReadings");
            }

            _store = store;
            _capacity = capacityReadings;
        }

        /// <summary>The live state; change it, then <see cref="Append"/> or <see cref="Commit"/> persists it.</summary>
        public Checkpoint State
        {
            get { return _state; }
        }

        /// <summary>Capacity in readings.</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Outcome of the last <see cref="Load"/>.</summary>
        public LoadOutcome Outcome { get; private set; }

        /// <summary>The validation failure that caused a clean start, or Ok.</summary>
        public RecordStatus Fault { get; private set; }

        /// <summary>Byte offset of the record that failed validation (-1 when none).</summary>
        public int FaultOffset { get; private set; }

        /// <summary>Readings the last <see cref="Load"/> dropped (clean start, or a capacity smaller than what was stored).</summary>
        public int DroppedByLoad { get; private set; }

        /// <summary>True when the last <see cref="Load"/> rewrote the log (repair or size threshold).</summary>
        public bool Compacted { get; private set; }

        /// <summary>Log size at which <see cref="Load"/> compacts, given the readings retained (at most the capacity).</summary>
        public static int CompactThresholdBytes(int retainedReadings)
        {
            return RetainedCodec.HeaderSize + RetainedCodec.CheckpointSize + (retainedReadings * RetainedCodec.ReadingSize)
                + (CompactSlackWakes * (RetainedCodec.ReadingSize + (2 * RetainedCodec.CheckpointSize)));
        }

        /// <summary>Reads and validates the log (§5), repairing or starting clean as needed; the result is <see cref="State"/>.</summary>
        public LoadOutcome Load()
        {
            _state.Clear();
            Outcome = LoadOutcome.Loaded;
            Fault = RecordStatus.Ok;
            FaultOffset = -1;
            Compacted = false;
            DroppedByLoad = 0;
            _blockStart = -1;
            int length = _store.Length(LogName);
            if (length < 0)
            {
                _hasHeader = false;
                Outcome = LoadOutcome.Fresh;
                return Outcome;
            }

            int pos = 0;
            uint lastSequence = 0;
            bool torn = false;
            RecordStatus bad = RecordStatus.Ok;
            while (pos < length)
            {
                byte kind;
                int size;
                int at;
                RecordStatus s = Next(pos, length, out kind, out size, out at);
                if (s == RecordStatus.Truncated)
                {
                    torn = true;
                    break;
                }

                if (s == RecordStatus.Ok)
                {
                    s = Validate(pos, kind, at, ref lastSequence);
                }

                if (s != RecordStatus.Ok)
                {
                    bad = s;
                    break;
                }

                pos += size;
            }

            if (_state.NextSequence <= lastSequence)
            {
                _state.NextSequence = lastSequence + 1;
            }

            int droppedBefore = _state.ReadingsDropped;
            if (bad != RecordStatus.Ok)
            {
                CleanStart(bad, pos);
                DroppedByLoad = _state.ReadingsDropped - droppedBefore;
                return Outcome;
            }

            _hasHeader = pos > 0;
            Evict();
            DroppedByLoad = _state.ReadingsDropped - droppedBefore;
            if (torn)
            {
                Outcome = LoadOutcome.RepairedTornWrite;
                _state.TornWritesRepaired++;
                Compact();
            }
            else if (length >= CompactThresholdBytes(_state.RetainedCount))
            {
                Compact();
            }

            return Outcome;
        }

        /// <summary>
        /// Gives <paramref name="record"/> the next sequence number, evicts the oldest reading when full,
        /// and appends the reading with a checkpoint of <see cref="State"/> in one write.
        /// </summary>
        public void Append(SampleRecord record)
        {
            record.Sequence = _state.NextSequence;
            _state.NextSequence++;
            Evict();
            int n = _hasHeader ? 0 : RetainedCodec.WriteHeader(_out, 0);
            n += RetainedCodec.WriteReading(record, _out, n);
            n += RetainedCodec.WriteCheckpoint(_state, _out, n);
            _store.Append(LogName, _out, 0, n);
            _hasHeader = true;
        }

        /// <summary>Appends a checkpoint of <see cref="State"/> (one small write).</summary>
        public void Commit()
        {
            int n = _hasHeader ? 0 : RetainedCodec.WriteHeader(_out, 0);
            n += RetainedCodec.WriteCheckpoint(_state, _out, n);
            _store.Append(LogName, _out, 0, n);
            _hasHeader = true;
        }

        /// <summary>Marks every reading up to <paramref name="throughSequence"/> as published (persisted at the next write).</summary>
        public void Release(uint throughSequence)
        {
            uint newest = _state.NextSequence - 1;
            if (throughSequence > newest)
            {
                throughSequence = newest;
            }

            if (throughSequence > _state.ReleasedThroughSequence)
            {
                _state.ReleasedThroughSequence = throughSequence;
            }
        }

        /// <summary>
        /// Copies up to <paramref name="max"/> retained readings with sequence numbers from
        /// <paramref name="fromSequence"/> on, oldest first; returns how many.
        /// </summary>
        public int ReadRetained(uint fromSequence, SampleRecord[] into, int max)
        {
            int length = _store.Length(LogName);
            int pos = 0;
            int count = 0;
            while (pos < length && count < max)
            {
                byte kind;
                int size;
                int at;
                if (Next(pos, length, out kind, out size, out at) != RecordStatus.Ok)
                {
                    break;
                }

                if (kind == RetainedCodec.KindReading)
                {
                    uint seq = RetainedCodec.ReadingSequence(_block, at);
                    if (seq >= fromSequence && seq > _state.ReleasedThroughSequence)
                    {
                        RetainedCodec.ReadReading(_block, at, into[count]);
                        count++;
                    }
                }

                pos += size;
            }

            return count;
        }

        private RecordStatus Validate(int pos, byte kind, int at, ref uint lastSequence)
        {
            if (pos == 0)
            {
                return kind == RetainedCodec.KindHeader ? RetainedCodec.CheckHeader(_block, at) : RecordStatus.MisplacedHeader;
            }

            if (kind == RetainedCodec.KindHeader)
            {
                return RecordStatus.MisplacedHeader;
            }

            if (kind == RetainedCodec.KindReading)
            {
                uint seq = RetainedCodec.ReadingSequence(_block, at);
                if (seq <= lastSequence)
                {
                    return RecordStatus.SequenceNotIncreasing;
                }

                lastSequence = seq;
                return RecordStatus.Ok;
            }

            RetainedCodec.ReadCheckpoint(_block, at, _state);
            return RecordStatus.Ok;
        }

        private void CleanStart(RecordStatus bad, int offset)
        {
            Outcome = LoadOutcome.CleanStart;
            Fault = bad;
            FaultOffset = offset;
            _state.ReadingsDropped += _state.RetainedCount;
            _state.ReleasedThroughSequence = _state.NextSequence - 1;
            _state.StateFaults++;
            int n = RetainedCodec.WriteHeader(_out, 0);
            n += RetainedCodec.WriteCheckpoint(_state, _out, n);
            _store.Replace(LogName, _out, 0, n);
            _hasHeader = true;
            _blockStart = -1;
        }

        private void Evict()
        {
            int excess = _state.RetainedCount - _capacity;
            if (excess > 0)
            {
                _state.ReleasedThroughSequence += (uint)excess;
                _state.ReadingsDropped += excess;
            }
        }

        // §6: header and checkpoint, then the retained readings, into the temporary file; then one atomic rename.
        private void Compact()
        {
            Compacted = true;
            if (_store.Length(TempName) >= 0)
            {
                _store.Delete(TempName);
            }

            int n = RetainedCodec.WriteHeader(_out, 0);
            n += RetainedCodec.WriteCheckpoint(_state, _out, n);
            int length = _store.Length(LogName);
            int pos = 0;
            while (pos < length)
            {
                byte kind;
                int size;
                int at;
                if (Next(pos, length, out kind, out size, out at) != RecordStatus.Ok)
                {
                    break;
                }

                if (kind == RetainedCodec.KindReading && RetainedCodec.ReadingSequence(_block, at) > _state.ReleasedThroughSequence)
                {
                    if (n + size > _out.Length)
                    {
                        _store.Append(TempName, _out, 0, n);
                        n = 0;
                    }

                    Array.Copy(_block, at, _out, n, size);
                    n += size;
                }

                pos += size;
            }

            _store.Append(TempName, _out, 0, n);
            _store.Rename(TempName, LogName);
            _hasHeader = true;
            _blockStart = -1;
        }

        // Frames the record at pos through the block cache: at is its index in _block.
        private RecordStatus Next(int pos, int length, out byte kind, out int size, out int at)
        {
            int need = length - pos < RetainedCodec.MaxRecordSize ? length - pos : RetainedCodec.MaxRecordSize;
            if (_blockStart < 0 || pos < _blockStart || pos + need > _blockStart + _blockLength)
            {
                int want = length - pos < BlockSize ? length - pos : BlockSize;
                _blockLength = _store.Read(LogName, pos, _block, 0, want);
                _blockStart = pos;
            }

            at = pos - _blockStart;
            int available = _blockStart + _blockLength - pos;
            return RetainedCodec.Check(_block, at, available, out kind, out size);
        }
    }
}
