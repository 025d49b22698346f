using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.HeapProbe
{
    /// <summary>A DHT22 stand-in: temperature and humidity that drift deterministically, no allocation per read.</summary>
    public sealed class SyntheticClimate : IHumidityTemperatureSensor
    {
        private int _step;

        public ReadingStatus TryRead(out int temperatureCentiCelsius, out int humidityCentiPercent)
        {
            _step++;
            temperatureCentiCelsius = 2000 + ((_step * 37) % 400);
            humidityCentiPercent = 5000 + ((_step * 53) % 900);
            return ReadingStatus.Ok;
        }
    }
}
