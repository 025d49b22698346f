using SensorNode.Core.Sensors;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Checks and reads version-1 telemetry batches (docs/spec/mqtt.md §5.4, in that order). Never throws
    /// on bad input; allocates nothing. Used by the host monitor, tests and anything that consumes telemetry.
    /// </summary>
    public static class TelemetryBatchDecoder
    {
        /// <summary>Validates a whole batch; on Ok, <paramref name="count"/> is its number of readings.</summary>
        public static BatchStatus Check(byte[] buffer, int offset, int length, out int count)
        {
            count = 0;
            if (length < TelemetryFormat.HeaderSize)
            {
                return BatchStatus.TooShort;
            }

            if (buffer[offset] != TelemetryFormat.Version)
            {
                return BatchStatus.BadVersion;
            }

            int n = buffer[offset + 1];
            if (n == 0)
            {
                return BatchStatus.BadCount;
            }

            if (U16(buffer, offset + 2) != TelemetryFormat.ReadingSize)
            {
                return BatchStatus.BadReadingSize;
            }

            if (length != TelemetryFormat.BatchSize(n))
            {
                return BatchStatus.LengthMismatch;
            }

            long baseTime = (long)U32(buffer, offset + 4) | ((long)U32(buffer, offset + 8) << 32);
            for (int i = 0; i < n; i++)
            {
                int at = offset + TelemetryFormat.HeaderSize + (i * TelemetryFormat.ReadingSize);
                if (baseTime == 0 && U32(buffer, at + 4) != TelemetryFormat.NoTimestamp)
                {
                    return BatchStatus.BadTimestamp;
                }

                int statuses = U16(buffer, at + 8);
                if ((statuses & 0x8000) != 0 || (buffer[at + 10] & 0xE0) != 0)
                {
                    return BatchStatus.ReservedBitsSet;
                }

                for (int c = 0; c < SampleRecord.ChannelCount; c++)
                {
                    if (((statuses >> (3 * c)) & 0x7) > (int)ReadingStatus.NotPresent)
                    {
                        return BatchStatus.BadStatus;
                    }
                }
            }

            count = n;
            return BatchStatus.Ok;
        }

        /// <summary>Reads reading <paramref name="index"/> of a batch that passed <see cref="Check"/>.</summary>
        public static void Read(byte[] buffer, int offset, int index, SampleRecord into)
        {
            long baseTime = (long)U32(buffer, offset + 4) | ((long)U32(buffer, offset + 8) << 32);
            int at = offset + TelemetryFormat.HeaderSize + (index * TelemetryFormat.ReadingSize);
            into.Sequence = U32(buffer, at);
            uint dt = U32(buffer, at + 4);
            into.UnixMilliseconds = dt == TelemetryFormat.NoTimestamp ? 0 : baseTime + dt;
            int statuses = U16(buffer, at + 8);
            into.AnomalyMask = buffer[at + 10];
            into.Set(Channel.Temperature, (short)U16(buffer, at + 11), Status(statuses, 0));
            into.Set(Channel.Humidity, U16(buffer, at + 13), Status(statuses, 1));
            into.Set(Channel.Pressure, buffer[at + 15] | (buffer[at + 16] << 8) | (buffer[at + 17] << 16), Status(statuses, 2));
            into.Set(Channel.VibrationRms, U16(buffer, at + 18), Status(statuses, 3));
            into.Set(Channel.CrestFactor, U16(buffer, at + 20), Status(statuses, 4));
        }

        private static ReadingStatus Status(int statuses, int channel)
        {
            return (ReadingStatus)((statuses >> (3 * channel)) & 0x7);
        }

        private static int U16(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        private static uint U32(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }
    }
}
