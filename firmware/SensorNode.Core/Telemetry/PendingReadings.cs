using SensorNode.Core.Sensors;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Readings waiting for a broker acknowledgement, in RAM (always-on mode): a fixed ring of records
    /// allocated once. When full, adding drops the oldest reading and counts it.
    /// </summary>
    public sealed class PendingReadings
    {
        private int _start;

        /// <summary>Creates a ring of <paramref name="capacity"/> records (1 or more).</summary>
        public PendingReadings(int capacity)
        {
            Ring = new SampleRecord[capacity < 1 ? 1 : capacity];
            for (int i = 0; i < Ring.Length; i++)
            {
                Ring[i] = new SampleRecord();
            }
        }

        /// <summary>The records; the pending ones run from <see cref="Start"/> for <see cref="Count"/>, wrapping.</summary>
        public readonly SampleRecord[] Ring;

        /// <summary>Index of the oldest pending record.</summary>
        public int Start
        {
            get { return _start; }
        }

        /// <summary>Pending readings.</summary>
        public int Count { get; private set; }

        /// <summary>Readings dropped because the ring was full.</summary>
        public uint Dropped { get; private set; }

        /// <summary>Most pending readings.</summary>
        public int Capacity
        {
            get { return Ring.Length; }
        }

        /// <summary>The newest pending reading, or null when empty.</summary>
        public SampleRecord Newest
        {
            get { return Count == 0 ? null : Ring[(_start + Count - 1) % Ring.Length]; }
        }

        /// <summary>Copies a reading in; returns false (and counts a drop) when the oldest had to go.</summary>
        public bool Add(SampleRecord record)
        {
            bool kept = true;
            if (Count == Ring.Length)
            {
                RemoveOldest(1);
                Dropped++;
                kept = false;
            }

            Ring[(_start + Count) % Ring.Length].CopyFrom(record);
            Count++;
            return kept;
        }

        /// <summary>Forgets the <paramref name="count"/> oldest readings (after they were acknowledged).</summary>
        public void RemoveOldest(int count)
        {
            if (count > Count)
            {
                count = Count;
            }

            _start = (_start + count) % Ring.Length;
            Count -= count;
        }
    }
}
