namespace SensorNode.Core.Telemetry
{
    /// <summary>Constants of the binary telemetry batch, version 1 (docs/spec/mqtt.md §5). Persisted: never change.</summary>
    public static class TelemetryFormat
    {
        /// <summary>Format version byte.</summary>
        public const byte Version = 1;

        /// <summary>Header size in bytes.</summary>
        public const int HeaderSize = 12;

        /// <summary>Bytes per reading.</summary>
        public const int ReadingSize = 22;

        /// <summary>Most readings in one batch.</summary>
        public const int MaxReadings = 255;

        /// <summary>Time-offset value meaning "this reading has no timestamp".</summary>
        public const uint NoTimestamp = 0xFFFFFFFF;

        /// <summary>Size of a batch of <paramref name="count"/> readings.</summary>
        public static int BatchSize(int count)
        {
            return HeaderSize + (ReadingSize * count);
        }
    }
}
