using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Duty
{
    /// <summary>A sample source whose values count samples (survives "boots": it is the outside world), spending fake time.</summary>
    internal sealed class CountingSampleSource : ISampleSource
    {
        private readonly SimulatedClock _clock;

        public CountingSampleSource(SimulatedClock clock)
        {
            _clock = clock;
        }

        /// <summary>Samples taken so far; the n-th sample has temperature n.</summary>
        public int Count;

        /// <summary>Sample number flagged as an anomaly (0 = none).</summary>
        public int AnomalyAt;

        /// <summary>Time a sample takes.</summary>
        public int SampleMilliseconds = 50;

        public void Sample(SampleRecord record)
        {
            Count++;
            record.Set(Channel.Temperature, Count, ReadingStatus.Ok);
            record.Set(Channel.Humidity, 5000 + Count, ReadingStatus.Ok);
            record.Set(Channel.Pressure, 101325, ReadingStatus.Ok);
            record.Set(Channel.VibrationRms, 0, ReadingStatus.NotPresent);
            record.Set(Channel.CrestFactor, 0, ReadingStatus.NotPresent);
            record.AnomalyMask = Count == AnomalyAt ? 1 : 0;
            _clock.Advance(SampleMilliseconds);
        }
    }
}
