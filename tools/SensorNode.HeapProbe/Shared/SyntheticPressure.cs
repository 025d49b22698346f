using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.HeapProbe
{
    /// <summary>A BME280 stand-in: pressure, temperature and humidity that drift deterministically.</summary>
    public sealed class SyntheticPressure : IPressureSensor
    {
        private int _step;

        public ReadingStatus TryRead(out int temperatureCentiCelsius, out int pressurePascal, out int humidityCentiPercent)
        {
            _step++;
            temperatureCentiCelsius = 2100 + ((_step * 29) % 300);
            pressurePascal = 100000 + ((_step * 71) % 2000);
            humidityCentiPercent = 4800 + ((_step * 43) % 800);
            return ReadingStatus.Ok;
        }
    }
}
