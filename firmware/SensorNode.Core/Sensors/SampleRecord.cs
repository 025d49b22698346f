using System;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// One sample of every channel, as stored across deep sleep and published in telemetry. Instances are
    /// allocated once and reused: nothing here allocates after construction.
    /// </summary>
    public sealed class SampleRecord
    {
        /// <summary>Number of channels, the length of <see cref="Values"/> and <see cref="Statuses"/>.</summary>
        public const int ChannelCount = 5;

        /// <summary>Values indexed by <see cref="Channel"/>, in each channel's fixed-point unit.</summary>
        public readonly int[] Values = new int[ChannelCount];

        /// <summary>Statuses indexed by <see cref="Channel"/> (a <see cref="ReadingStatus"/> each).</summary>
        public readonly byte[] Statuses = new byte[ChannelCount];

        /// <summary>Sequence number: increases by one per sample, across reboots and power loss.</summary>
        public uint Sequence;

        /// <summary>Wall-clock time of the sample, Unix milliseconds UTC; 0 when the clock was not set.</summary>
        public long UnixMilliseconds;

        /// <summary>Bit (1 &lt;&lt; channel) set when that channel's z-score flagged the sample as anomalous.</summary>
        public int AnomalyMask;

        /// <summary>Value of one channel.</summary>
        public int Get(Channel channel)
        {
            return Values[(int)channel];
        }

        /// <summary>Status of one channel.</summary>
        public ReadingStatus StatusOf(Channel channel)
        {
            return (ReadingStatus)Statuses[(int)channel];
        }

        /// <summary>Sets one channel's value and status.</summary>
        public void Set(Channel channel, int value, ReadingStatus status)
        {
            Values[(int)channel] = value;
            Statuses[(int)channel] = (byte)status;
        }

        /// <summary>Copies every field from another record.</summary>
        public void CopyFrom(SampleRecord other)
        {
            Array.Copy(other.Values, Values, ChannelCount);
            Array.Copy(other.Statuses, Statuses, ChannelCount);
            Sequence = other.Sequence;
            UnixMilliseconds = other.UnixMilliseconds;
            AnomalyMask = other.AnomalyMask;
        }

        /// <summary>Clears every field.</summary>
        public void Clear()
        {
            Array.Clear(Values, 0, ChannelCount);
            Array.Clear(Statuses, 0, ChannelCount);
            Sequence = 0;
            UnixMilliseconds = 0;
            AnomalyMask = 0;
        }
    }
}
