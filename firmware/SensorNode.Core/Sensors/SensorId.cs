namespace SensorNode.Core.Sensors
{
    /// <summary>The node's physical sensors, as named in health telemetry. On the wire: never renumber.</summary>
    public enum SensorId
    {
        /// <summary>DHT22 (AM2302) temperature and humidity, single-wire.</summary>
        Dht22 = 0,

        /// <summary>BME280 temperature, pressure and humidity, I2C.</summary>
        Bme280 = 1,

        /// <summary>ADXL345 accelerometer (vibration), I2C.</summary>
        Accelerometer = 2,
    }
}
