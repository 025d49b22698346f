using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Tests.Duty;

/// <summary>Test sensors: temperature counts samples (n-th sample = n), the rest are fixed.</summary>
internal sealed class RampSampleSource : ISampleSource
{
    public int Count { get; private set; }

    public void Sample(SampleRecord record)
    {
        Count++;
        record.Set(Channel.Temperature, Count, ReadingStatus.Ok);
        record.Set(Channel.Humidity, 5000, ReadingStatus.Ok);
        record.Set(Channel.Pressure, 101325, ReadingStatus.Ok);
        record.Set(Channel.VibrationRms, 0, ReadingStatus.NotPresent);
        record.Set(Channel.CrestFactor, 0, ReadingStatus.NotPresent);
    }
}
