namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// The node's measured channels and their fixed-point units. Persisted and on the wire: never renumber.
    /// </summary>
    public enum Channel
    {
        /// <summary>Air temperature, centi-degrees Celsius (BME280, falling back to DHT22).</summary>
        Temperature = 0,

        /// <summary>Relative humidity, centi-percent RH (0..10000).</summary>
        Humidity = 1,

        /// <summary>Barometric pressure, pascals.</summary>
        Pressure = 2,

        /// <summary>Vibration RMS over the crest window (DC removed), milli-g.</summary>
        VibrationRms = 3,

        /// <summary>Vibration crest factor (peak / RMS), thousandths.</summary>
        CrestFactor = 4,
    }
}
