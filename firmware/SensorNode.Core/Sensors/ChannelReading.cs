namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// One quantity from one sensor after classification: its value in the channel's fixed-point unit and
    /// its status (range check, then stuck check; docs/sensors.md §2–3). Reused every sample.
    /// </summary>
    public sealed class ChannelReading
    {
        private readonly int _min;
        private readonly int _max;
        private readonly StuckDetector _stuck;

        /// <summary>Creates a reading with inclusive plausible range [min, max] and a stuck detector (or null for none).</summary>
        public ChannelReading(int min, int max, StuckDetector stuck)
        {
            _min = min;
            _max = max;
            _stuck = stuck;
            Status = ReadingStatus.NotPresent;
        }

        /// <summary>The value as read (also kept for OutOfRange and Stuck, for diagnosis); 0 after a failed read.</summary>
        public int Value { get; private set; }

        /// <summary>Status of this quantity in the latest read.</summary>
        public ReadingStatus Status { get; private set; }

        /// <summary>Classifies a value the sensor returned: OutOfRange, else Stuck, else Ok.</summary>
        public ReadingStatus Classify(int value)
        {
            Value = value;
            Status = SensorLimits.Check(value, _min, _max);
            if (Status == ReadingStatus.Ok && _stuck != null && _stuck.Update(value))
            {
                Status = ReadingStatus.Stuck;
            }

            return Status;
        }

        /// <summary>Sets a status with a value (for classification done elsewhere, e.g. a clipped burst).</summary>
        public void Set(int value, ReadingStatus status)
        {
            Value = value;
            Status = status;
        }

        /// <summary>Marks the quantity as not read: the read failed with <paramref name="status"/>.</summary>
        public void Fail(ReadingStatus status)
        {
            Value = 0;
            Status = status;
        }
    }
}
