using SensorNode.Core.Sensors;

namespace SensorNode.Core.Ports
{
    /// <summary>
    /// A single-wire temperature and humidity sensor such as the DHT22 (AM2302). One call is one bus
    /// transaction; the caller (the retry policy) enforces the sensor's minimum interval between reads.
    /// </summary>
    public interface IHumidityTemperatureSensor
    {
        /// <summary>
        /// Reads both quantities; values are meaningful only when the result is <see cref="ReadingStatus.Ok"/>.
        /// Returns ReadFailed, ChecksumError or NotPresent otherwise; never throws for sensor faults.
        /// </summary>
        ReadingStatus TryRead(out int temperatureCentiCelsius, out int humidityCentiPercent);
    }
}
