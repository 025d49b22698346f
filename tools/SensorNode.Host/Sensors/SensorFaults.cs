namespace SensorNode.Host.Sensors;

/// <summary>Fault-injection knobs of one simulated sensor; change them at any time, the next read obeys.</summary>
public sealed class SensorFaults
{
    /// <summary>The sensor does not answer at all (NotPresent).</summary>
    public bool Absent { get; set; }

    /// <summary>Probability that one bus attempt fails (ReadFailed, or ChecksumError for the DHT22 half the time).</summary>
    public double DropoutProbability { get; set; }

    /// <summary>Probability that a read carries a spike.</summary>
    public double SpikeProbability { get; set; }

    /// <summary>Spike size in the quantity's display unit (°C for temperature; scaled per quantity by the sensor).</summary>
    public double SpikeMagnitude { get; set; } = 8.0;

    /// <summary>From this successful read on (0-based), every value repeats the read before it exactly; −1 never.</summary>
    public int StuckAfterReads { get; set; } = -1;
}
