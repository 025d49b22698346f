using SensorNode.Core.Ports;

namespace SensorNode.Core.Sensors
{
    /// <summary>Reads a BME280-class sensor (temperature + pressure + humidity) under the BME280 retry policy.</summary>
    public sealed class PressureReader : SensorReader
    {
        private readonly IPressureSensor _sensor;
        private int _temperatureCentiCelsius;
        private int _pressurePascal;
        private int _humidityCentiPercent;

        /// <summary>Creates a reader; a null <paramref name="sensor"/> means not fitted (every read is NotPresent).</summary>
        public PressureReader(IPressureSensor sensor, RetryPolicy policy)
            : base(SensorId.Bme280, policy)
        {
            _sensor = sensor;
            Temperature = new ChannelReading(SensorLimits.Bme280TemperatureMinCentiCelsius, SensorLimits.Bme280TemperatureMaxCentiCelsius, new StuckDetector(SensorLimits.Bme280StuckRepeats));
            Pressure = new ChannelReading(SensorLimits.Bme280PressureMinPascal, SensorLimits.Bme280PressureMaxPascal, new StuckDetector(SensorLimits.Bme280PressureStuckRepeats));
            Humidity = new ChannelReading(SensorLimits.HumidityMinCentiPercent, SensorLimits.HumidityMaxCentiPercent, new StuckDetector(SensorLimits.Bme280StuckRepeats));
        }

        /// <summary>Temperature of the latest read, centi-°C.</summary>
        public ChannelReading Temperature { get; private set; }

        /// <summary>Pressure of the latest read, pascals.</summary>
        public ChannelReading Pressure { get; private set; }

        /// <summary>Humidity of the latest read, centi-%RH.</summary>
        public ChannelReading Humidity { get; private set; }

        /// <inheritdoc />
        protected override bool IsFitted
        {
            get { return _sensor != null; }
        }

        /// <inheritdoc />
        protected override ReadingStatus ReadOnce()
        {
            return _sensor.TryRead(out _temperatureCentiCelsius, out _pressurePascal, out _humidityCentiPercent);
        }

        /// <inheritdoc />
        protected override ReadingStatus Classify()
        {
            ReadingStatus t = Temperature.Classify(_temperatureCentiCelsius);
            ReadingStatus p = Pressure.Classify(_pressurePascal);
            ReadingStatus h = Humidity.Classify(_humidityCentiPercent);
            return FirstFailure(FirstFailure(t, p), h);
        }

        /// <inheritdoc />
        protected override void FailAll(ReadingStatus status)
        {
            Temperature.Fail(status);
            Pressure.Fail(status);
            Humidity.Fail(status);
        }
    }
}
