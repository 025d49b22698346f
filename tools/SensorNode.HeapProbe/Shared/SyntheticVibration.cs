using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.HeapProbe
{
    /// <summary>An ADXL345 stand-in at 800 Hz, ±16 g: a triangle wave with pseudo-random noise, written into the caller's buffer.</summary>
    public sealed class SyntheticVibration : IVibrationSensor
    {
        private uint _noise = 12345;
        private int _phase;

        public int SampleRateHertz
        {
            get { return 800; }
        }

        public int FullScaleMilliG
        {
            get { return 16000; }
        }

        public ReadingStatus ReadBurst(int[] samplesMilliG, int offset, int count, out int read)
        {
            for (int i = 0; i < count; i++)
            {
                _noise = (_noise * 1103515245u) + 12345u;
                _phase = (_phase + 1) % 64;
                int triangle = _phase < 32 ? _phase * 40 : (64 - _phase) * 40;
                samplesMilliG[offset + i] = 1000 + triangle + (int)((_noise >> 16) % 200) - 100;
            }

            read = count;
            return ReadingStatus.Ok;
        }
    }
}
