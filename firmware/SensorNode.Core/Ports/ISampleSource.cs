using SensorNode.Core.Sensors;

namespace SensorNode.Core.Ports
{
    /// <summary>
    /// Produces one filtered sample of every channel: on the device the real sensors behind the DSP
    /// chain, on the host simulated sensors behind the same chain. Fills values, statuses and the
    /// anomaly mask; the caller owns sequence numbers and timestamps. Never throws for sensor faults:
    /// they become statuses.
    /// </summary>
    public interface ISampleSource
    {
        /// <summary>Samples every channel into <paramref name="record"/>.</summary>
        void Sample(SampleRecord record);
    }
}
