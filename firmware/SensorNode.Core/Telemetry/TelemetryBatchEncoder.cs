using SensorNode.Core.Sensors;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Encodes readings as a version-1 telemetry batch (docs/spec/mqtt.md §5) into a caller-owned buffer.
    /// Values outside a field's range are clamped to it (§5.3). Allocates nothing.
    /// </summary>
    public sealed class TelemetryBatchEncoder
    {
        private readonly ByteWriter _w = new ByteWriter();

        /// <summary>
        /// Encodes <paramref name="count"/> records starting at <paramref name="start"/> of
        /// <paramref name="ring"/>, wrapping at its end (so a ring buffer needs no copy).
        /// </summary>
        public BatchStatus Encode(SampleRecord[] ring, int start, int count, byte[] buffer, int offset, int capacity, out int length)
        {
            length = 0;
            if (count < 1 || count > TelemetryFormat.MaxReadings || count > ring.Length)
            {
                return BatchStatus.BadCount;
            }

            if (capacity < TelemetryFormat.BatchSize(count))
            {
                length = TelemetryFormat.BatchSize(count);
                return BatchStatus.BufferTooSmall;
            }

            long baseTime = 0;
            long lastTime = 0;
            for (int i = 0; i < count; i++)
            {
                long t = ring[(start + i) % ring.Length].UnixMilliseconds;
                if (t > 0 && (baseTime == 0 || t < baseTime))
                {
                    baseTime = t;
                }

                if (t > lastTime)
                {
                    lastTime = t;
                }
            }

            if (lastTime - baseTime >= TelemetryFormat.NoTimestamp)
            {
                return BatchStatus.TimeSpanTooLarge;
            }

            _w.Reset(buffer, offset, capacity);
            _w.Byte(TelemetryFormat.Version);
            _w.Byte(count);
            _w.UInt16(TelemetryFormat.ReadingSize);
            _w.Int64(baseTime);
            for (int i = 0; i < count; i++)
            {
                Reading(ring[(start + i) % ring.Length], baseTime);
            }

            length = _w.Length;
            return BatchStatus.Ok;
        }

        private void Reading(SampleRecord r, long baseTime)
        {
            _w.UInt32(r.Sequence);
            _w.UInt32(r.UnixMilliseconds > 0 ? (uint)(r.UnixMilliseconds - baseTime) : TelemetryFormat.NoTimestamp);
            int statuses = 0;
            for (int c = 0; c < SampleRecord.ChannelCount; c++)
            {
                statuses |= (r.Statuses[c] & 0x7) << (3 * c);
            }

            _w.UInt16(statuses);
            _w.Byte(r.AnomalyMask & 0x1F);
            _w.UInt16(Clamp(r.Values[(int)Channel.Temperature], -32768, 32767) & 0xFFFF);
            _w.UInt16(Clamp(r.Values[(int)Channel.Humidity], 0, 65535));
            _w.UInt24(Clamp(r.Values[(int)Channel.Pressure], 0, 16777215));
            _w.UInt16(Clamp(r.Values[(int)Channel.VibrationRms], 0, 65535));
            _w.UInt16(Clamp(r.Values[(int)Channel.CrestFactor], 0, 65535));
        }

        private static int Clamp(int value, int min, int max)
        {
            return value < min ? min : (value > max ? max : value);
        }
    }
}
