namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// The raw value range each channel's filters accept (docs/spec/signal-chain.md §3.1): the union of the
    /// datasheet ranges of the sensors that feed it (<see cref="SensorLimits"/>), wider for the derived
    /// vibration channels. Every range fits the 64-bit z-score at the largest window:
    /// 4096 · (max − min + 1) ≤ 2^32 needs a span of at most 1,048,576 raw units.
    /// </summary>
    public static class ChannelRange
    {
        /// <summary>Largest vibration RMS accepted, milli-g (1000 g; an ADXL345 reaches 16 g).</summary>
        public const int MaxVibrationRmsMilliG = 1000000;

        /// <summary>Largest crest factor accepted, thousandths (1000; a window of N samples has crest ≤ √(N − 1) ≤ 64).</summary>
        public const int MaxCrestMilli = 1000000;

        /// <summary>Smallest raw value of <paramref name="channel"/>.</summary>
        public static int Min(Channel channel)
        {
            switch (channel)
            {
                case Channel.Temperature:
                    return SensorLimits.Dht22TemperatureMinCentiCelsius < SensorLimits.Bme280TemperatureMinCentiCelsius
                        ? SensorLimits.Dht22TemperatureMinCentiCelsius
                        : SensorLimits.Bme280TemperatureMinCentiCelsius;
                case Channel.Humidity:
                    return SensorLimits.HumidityMinCentiPercent;
                case Channel.Pressure:
                    return SensorLimits.Bme280PressureMinPascal;
                default:
                    return 0;
            }
        }

        /// <summary>Largest raw value of <paramref name="channel"/>.</summary>
        public static int Max(Channel channel)
        {
            switch (channel)
            {
                case Channel.Temperature:
                    return SensorLimits.Dht22TemperatureMaxCentiCelsius > SensorLimits.Bme280TemperatureMaxCentiCelsius
                        ? SensorLimits.Dht22TemperatureMaxCentiCelsius
                        : SensorLimits.Bme280TemperatureMaxCentiCelsius;
                case Channel.Humidity:
                    return SensorLimits.HumidityMaxCentiPercent;
                case Channel.Pressure:
                    return SensorLimits.Bme280PressureMaxPascal;
                case Channel.VibrationRms:
                    return MaxVibrationRmsMilliG;
                default:
                    return MaxCrestMilli;
            }
        }
    }
}
