namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// Health counters of one sensor, published with telemetry (docs/sensors.md §5): logical reads,
    /// bus attempts (retries included), and failed reads by final status. Counters saturate; they never wrap.
    /// </summary>
    public sealed class SensorHealth
    {
        /// <summary>Failed reads in a row from which the level is <see cref="HealthLevel.Failed"/>.</summary>
        public const int FailedAfter = 3;

        private const int StatusCount = 6;
        private readonly int[] _byStatus = new int[StatusCount];

        /// <summary>Creates the counters of sensor <paramref name="sensor"/>.</summary>
        public SensorHealth(SensorId sensor)
        {
            Sensor = sensor;
            LastStatus = ReadingStatus.NotPresent;
        }

        /// <summary>Which sensor these counters describe.</summary>
        public SensorId Sensor { get; private set; }

        /// <summary>Logical reads (one per sample), whatever their outcome.</summary>
        public int Reads { get; private set; }

        /// <summary>Bus attempts, retries included.</summary>
        public int Attempts { get; private set; }

        /// <summary>Failed logical reads in a row (0 after a good one).</summary>
        public int ConsecutiveFailures { get; private set; }

        /// <summary>Final status of the latest read; NotPresent before the first.</summary>
        public ReadingStatus LastStatus { get; private set; }

        /// <summary>Failed reads whose final status was <paramref name="status"/> (Ok counts good reads).</summary>
        public int CountOf(ReadingStatus status)
        {
            int index = (int)status;
            return index >= 0 && index < StatusCount ? _byStatus[index] : 0;
        }

        /// <summary>Total failed logical reads (every status but Ok).</summary>
        public int Failures
        {
            get { return Reads - _byStatus[(int)ReadingStatus.Ok]; }
        }

        /// <summary>Health as a level: Ok (also before the first read), Warning (recent failures) or Failed (absent or failing repeatedly).</summary>
        public HealthLevel Level
        {
            get
            {
                if (Reads == 0)
                {
                    return HealthLevel.Ok;
                }

                if (LastStatus == ReadingStatus.NotPresent || ConsecutiveFailures >= FailedAfter)
                {
                    return HealthLevel.Failed;
                }

                return ConsecutiveFailures == 0 ? HealthLevel.Ok : HealthLevel.Warning;
            }
        }

        /// <summary>Counts one bus attempt.</summary>
        public void RecordAttempt()
        {
            Attempts = Increment(Attempts);
        }

        /// <summary>Counts one logical read with its final status.</summary>
        public void RecordRead(ReadingStatus status)
        {
            Reads = Increment(Reads);
            int index = (int)status;
            if (index >= 0 && index < StatusCount)
            {
                _byStatus[index] = Increment(_byStatus[index]);
            }

            LastStatus = status;
            ConsecutiveFailures = status == ReadingStatus.Ok ? 0 : Increment(ConsecutiveFailures);
        }

        private static int Increment(int value)
        {
            return value == int.MaxValue ? value : value + 1;
        }
    }
}
