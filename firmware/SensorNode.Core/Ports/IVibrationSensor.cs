using SensorNode.Core.Sensors;

namespace SensorNode.Core.Ports
{
    /// <summary>
    /// An accelerometer sampling one measurement axis continuously at a fixed rate into a hardware FIFO.
    /// The caller drains it in bursts into its own buffer; nothing allocates per read.
    /// </summary>
    public interface IVibrationSensor
    {
        /// <summary>Output data rate, in hertz.</summary>
        int SampleRateHertz { get; }

        /// <summary>Configured full-scale range, in milli-g (e.g. 2000 for ±2 g).</summary>
        int FullScaleMilliG { get; }

        /// <summary>
        /// Copies up to <paramref name="count"/> samples that are waiting (oldest first), in milli-g, into
        /// <paramref name="samplesMilliG"/> from <paramref name="offset"/>; <paramref name="read"/> may be 0
        /// when none are waiting yet. Returns Ok, ReadFailed or NotPresent; never throws for sensor faults.
        /// </summary>
        ReadingStatus ReadBurst(int[] samplesMilliG, int offset, int count, out int read);
    }
}
