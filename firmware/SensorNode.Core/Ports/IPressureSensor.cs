using SensorNode.Core.Sensors;

namespace SensorNode.Core.Ports
{
    /// <summary>
    /// A barometric sensor that also reports the temperature (and, for the BME280, humidity) it measured
    /// alongside the pressure. One call triggers one measurement.
    /// </summary>
    public interface IPressureSensor
    {
        /// <summary>
        /// Measures once; values are meaningful only when the result is <see cref="ReadingStatus.Ok"/>.
        /// Returns ReadFailed or NotPresent otherwise; never throws for sensor faults.
        /// </summary>
        ReadingStatus TryRead(out int temperatureCentiCelsius, out int pressurePascal, out int humidityCentiPercent);
    }
}
