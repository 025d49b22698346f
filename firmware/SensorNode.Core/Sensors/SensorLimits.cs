namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// Plausibility ranges from the datasheets and stuck-value limits (docs/sensors.md §2, §3).
    /// A value outside its range is <see cref="ReadingStatus.OutOfRange"/>; bounds are inclusive.
    /// </summary>
    public static class SensorLimits
    {
        /// <summary>DHT22 temperature range, centi-°C (AM2302 datasheet: −40..80 °C).</summary>
        public const int Dht22TemperatureMinCentiCelsius = -4000;

        /// <summary>Upper end of the DHT22 temperature range, centi-°C.</summary>
        public const int Dht22TemperatureMaxCentiCelsius = 8000;

        /// <summary>BME280 operating temperature range, centi-°C (BST-BME280-DS002 §1: −40..85 °C).</summary>
        public const int Bme280TemperatureMinCentiCelsius = -4000;

        /// <summary>Upper end of the BME280 temperature range, centi-°C.</summary>
        public const int Bme280TemperatureMaxCentiCelsius = 8500;

        /// <summary>BME280 pressure range, pascals (datasheet §1: 300..1100 hPa).</summary>
        public const int Bme280PressureMinPascal = 30000;

        /// <summary>Upper end of the BME280 pressure range, pascals.</summary>
        public const int Bme280PressureMaxPascal = 110000;

        /// <summary>Relative humidity range of both sensors, centi-%RH (0..100 %RH).</summary>
        public const int HumidityMinCentiPercent = 0;

        /// <summary>Upper end of the humidity range, centi-%RH.</summary>
        public const int HumidityMaxCentiPercent = 10000;

        /// <summary>
        /// An accelerometer sample at or beyond this share of full scale (thousandths) counts as clipped:
        /// a ±2 g ADXL345 saturates at 511 LSB = 1996 mg, short of the nominal 2000 mg.
        /// </summary>
        public const int ClipThresholdPerMille = 990;

        /// <summary>Identical DHT22 readings in a row that mean stuck (0.1-unit resolution: a still room repeats).</summary>
        public const int Dht22StuckRepeats = 60;

        /// <summary>Identical BME280 temperature or humidity readings in a row that mean stuck (0.01-unit resolution, always noisy).</summary>
        public const int Bme280StuckRepeats = 20;

        /// <summary>Identical BME280 pressure readings in a row that mean stuck (about 1.3 Pa RMS noise).</summary>
        public const int Bme280PressureStuckRepeats = 10;

        /// <summary>Returns Ok when min ≤ value ≤ max, else OutOfRange.</summary>
        public static ReadingStatus Check(int value, int min, int max)
        {
            return value < min || value > max ? ReadingStatus.OutOfRange : ReadingStatus.Ok;
        }

        /// <summary>True when a sample in milli-g is clipped at a full scale of <paramref name="fullScaleMilliG"/>.</summary>
        public static bool IsClipped(int sampleMilliG, int fullScaleMilliG)
        {
            long magnitude = sampleMilliG < 0 ? -(long)sampleMilliG : sampleMilliG;
            return magnitude * 1000 >= (long)fullScaleMilliG * ClipThresholdPerMille;
        }
    }
}
