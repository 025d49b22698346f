using SensorNode.Core.Bytes;
using SensorNode.Core.Checksums;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Core.Duty
{
    /// <summary>
    /// Encodes and validates the records of the retained log (docs/spec/retained-state.md §3-§5).
    /// A record is kind (1), payload length (1), payload, CRC-32 of the preceding bytes (4, little-endian).
    /// Writes into caller-owned buffers; never throws on bad input.
    /// </summary>
    public static class RetainedCodec
    {
        /// <summary>Kind byte of the header record ('H'). Persisted: never renumber.</summary>
        public const byte KindHeader = 0x48;

        /// <summary>Kind byte of a reading record ('R'). Persisted: never renumber.</summary>
        public const byte KindReading = 0x52;

        /// <summary>Kind byte of a checkpoint record ('C'). Persisted: never renumber.</summary>
        public const byte KindCheckpoint = 0x43;

        /// <summary>Layout version written in the header; a reader refuses other versions.</summary>
        public const int LayoutVersion = 1;

        /// <summary>Kind, length and CRC bytes around a payload.</summary>
        public const int Overhead = 6;

        /// <summary>Header payload length: magic (4), version (2), reserved (2).</summary>
        public const int HeaderPayload = 8;

        /// <summary>Reading payload length: sequence (4), Unix ms (8), 5 values (20), 5 statuses (5), anomaly mask (1).</summary>
        public const int ReadingPayload = 38;

        /// <summary>Checkpoint payload length (§4.3).</summary>
        public const int CheckpointPayload = 66;

        /// <summary>Size of a header record in bytes.</summary>
        public const int HeaderSize = HeaderPayload + Overhead;

        /// <summary>Size of a reading record in bytes.</summary>
        public const int ReadingSize = ReadingPayload + Overhead;

        /// <summary>Size of a checkpoint record in bytes.</summary>
        public const int CheckpointSize = CheckpointPayload + Overhead;

        /// <summary>Largest record size, the buffer a reader needs.</summary>
        public const int MaxRecordSize = CheckpointSize;

        /// <summary>Writes the header record; returns its size.</summary>
        public static int WriteHeader(byte[] buffer, int offset)
        {
            int p = offset + 2;
            buffer[p] = (byte)'S';
            buffer[p + 1] = (byte)'N';
            buffer[p + 2] = (byte)'D';
            buffer[p + 3] = (byte)'L';
            LittleEndian.WriteUInt16(buffer, p + 4, LayoutVersion);
            LittleEndian.WriteUInt16(buffer, p + 6, 0);
            return Seal(buffer, offset, KindHeader, HeaderPayload);
        }

        /// <summary>Writes a reading record; returns its size.</summary>
        public static int WriteReading(SampleRecord record, byte[] buffer, int offset)
        {
            int p = offset + 2;
            LittleEndian.WriteUInt32(buffer, p, record.Sequence);
            LittleEndian.WriteInt64(buffer, p + 4, record.UnixMilliseconds);
            for (int i = 0; i < SampleRecord.ChannelCount; i++)
            {
                LittleEndian.WriteUInt32(buffer, p + 12 + (4 * i), (uint)record.Values[i]);
                buffer[p + 32 + i] = record.Statuses[i];
            }

            buffer[p + 37] = (byte)record.AnomalyMask;
            return Seal(buffer, offset, KindReading, ReadingPayload);
        }

        /// <summary>Writes a checkpoint record; returns its size.</summary>
        public static int WriteCheckpoint(Checkpoint c, byte[] buffer, int offset)
        {
            int p = offset + 2;
            LittleEndian.WriteUInt32(buffer, p, c.ReleasedThroughSequence);
            LittleEndian.WriteUInt32(buffer, p + 4, c.NextSequence);
            LittleEndian.WriteUInt32(buffer, p + 8, (uint)c.Boots);
            LittleEndian.WriteUInt32(buffer, p + 12, (uint)c.Wakes);
            LittleEndian.WriteUInt32(buffer, p + 16, (uint)c.RadioSessions);
            LittleEndian.WriteUInt32(buffer, p + 20, (uint)c.ReadingsDropped);
            LittleEndian.WriteUInt32(buffer, p + 24, (uint)c.StateFaults);
            LittleEndian.WriteUInt32(buffer, p + 28, (uint)c.TornWritesRepaired);
            LittleEndian.WriteUInt32(buffer, p + 32, (uint)c.CycleFaults);
            LittleEndian.WriteUInt32(buffer, p + 36, (uint)c.DeadlineHits);
            LittleEndian.WriteUInt32(buffer, p + 40, (uint)c.ConnectFailuresInRow);
            LittleEndian.WriteUInt32(buffer, p + 44, (uint)c.RadioAllowedAtWake);
            LittleEndian.WriteUInt32(buffer, p + 48, (uint)c.LastRadioWake);
            LittleEndian.WriteUInt32(buffer, p + 52, c.JitterState);
            LittleEndian.WriteInt64(buffer, p + 56, c.NextWakeTargetMilliseconds);
            buffer[p + 64] = (byte)(c.TargetIsUnix ? 1 : 0);
            buffer[p + 65] = (byte)c.LastConnectStatus;
            return Seal(buffer, offset, KindCheckpoint, CheckpointPayload);
        }

        /// <summary>
        /// Validates the framing and CRC of the record at <paramref name="offset"/> with
        /// <paramref name="available"/> bytes present (§5 steps 1-4); on Ok gives its kind and size.
        /// </summary>
        public static RecordStatus Check(byte[] buffer, int offset, int available, out byte kind, out int size)
        {
            kind = 0;
            size = 0;
            if (available < 2)
            {
                return RecordStatus.Truncated;
            }

            kind = buffer[offset];
            int payload = PayloadLengthOf(kind);
            if (payload < 0)
            {
                return RecordStatus.UnknownKind;
            }

            if (buffer[offset + 1] != payload)
            {
                return RecordStatus.BadLength;
            }

            if (available < payload + Overhead)
            {
                return RecordStatus.Truncated;
            }

            uint stored = LittleEndian.ReadUInt32(buffer, offset + 2 + payload);
            if (stored != Crc32.Compute(buffer, offset, 2 + payload))
            {
                return RecordStatus.BadCrc;
            }

            size = payload + Overhead;
            return RecordStatus.Ok;
        }

        /// <summary>Checks a CRC-valid header record's magic and version (§5 steps 5-6).</summary>
        public static RecordStatus CheckHeader(byte[] buffer, int offset)
        {
            int p = offset + 2;
            if (buffer[p] != 'S' || buffer[p + 1] != 'N' || buffer[p + 2] != 'D' || buffer[p + 3] != 'L')
            {
                return RecordStatus.BadMagic;
            }

            return LittleEndian.ReadUInt16(buffer, p + 4) == LayoutVersion ? RecordStatus.Ok : RecordStatus.UnsupportedVersion;
        }

        /// <summary>Sequence number of a CRC-valid reading record.</summary>
        public static uint ReadingSequence(byte[] buffer, int offset)
        {
            return LittleEndian.ReadUInt32(buffer, offset + 2);
        }

        /// <summary>Decodes a CRC-valid reading record into <paramref name="record"/>.</summary>
        public static void ReadReading(byte[] buffer, int offset, SampleRecord record)
        {
            int p = offset + 2;
            record.Sequence = LittleEndian.ReadUInt32(buffer, p);
            record.UnixMilliseconds = LittleEndian.ReadInt64(buffer, p + 4);
            for (int i = 0; i < SampleRecord.ChannelCount; i++)
            {
                record.Values[i] = (int)LittleEndian.ReadUInt32(buffer, p + 12 + (4 * i));
                record.Statuses[i] = buffer[p + 32 + i];
            }

            record.AnomalyMask = buffer[p + 37];
        }

        /// <summary>Decodes a CRC-valid checkpoint record into <paramref name="c"/>.</summary>
        public static void ReadCheckpoint(byte[] buffer, int offset, Checkpoint c)
        {
            int p = offset + 2;
            c.ReleasedThroughSequence = LittleEndian.ReadUInt32(buffer, p);
            c.NextSequence = LittleEndian.ReadUInt32(buffer, p + 4);
            c.Boots = (int)LittleEndian.ReadUInt32(buffer, p + 8);
            c.Wakes = (int)LittleEndian.ReadUInt32(buffer, p + 12);
            c.RadioSessions = (int)LittleEndian.ReadUInt32(buffer, p + 16);
            c.ReadingsDropped = (int)LittleEndian.ReadUInt32(buffer, p + 20);
            c.StateFaults = (int)LittleEndian.ReadUInt32(buffer, p + 24);
            c.TornWritesRepaired = (int)LittleEndian.ReadUInt32(buffer, p + 28);
            c.CycleFaults = (int)LittleEndian.ReadUInt32(buffer, p + 32);
            c.DeadlineHits = (int)LittleEndian.ReadUInt32(buffer, p + 36);
            c.ConnectFailuresInRow = (int)LittleEndian.ReadUInt32(buffer, p + 40);
            c.RadioAllowedAtWake = (int)LittleEndian.ReadUInt32(buffer, p + 44);
            c.LastRadioWake = (int)LittleEndian.ReadUInt32(buffer, p + 48);
            c.JitterState = LittleEndian.ReadUInt32(buffer, p + 52);
            c.NextWakeTargetMilliseconds = LittleEndian.ReadInt64(buffer, p + 56);
            c.TargetIsUnix = buffer[p + 64] != 0;
            c.LastConnectStatus = (UplinkStatus)buffer[p + 65];
        }

        private static int PayloadLengthOf(byte kind)
        {
            switch (kind)
            {
                case KindHeader:
                    return HeaderPayload;
                case KindReading:
                    return ReadingPayload;
                case KindCheckpoint:
                    return CheckpointPayload;
                default:
                    return -1;
            }
        }

        private static int Seal(byte[] buffer, int offset, byte kind, int payload)
        {
            buffer[offset] = kind;
            buffer[offset + 1] = (byte)payload;
            LittleEndian.WriteUInt32(buffer, offset + 2 + payload, Crc32.Compute(buffer, offset, 2 + payload));
            return payload + Overhead;
        }
    }
}
