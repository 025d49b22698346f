using SensorNode.Core.Ports;

namespace SensorNode.Core.Sensors
{
    /// <summary>Reads a DHT22-class sensor (temperature + humidity) under the DHT22 retry policy.</summary>
    public sealed class HumidityTemperatureReader : SensorReader
    {
        private readonly IHumidityTemperatureSensor _sensor;
        private int _temperatureCentiCelsius;
        private int _humidityCentiPercent;

        /// <summary>Creates a reader; a null <paramref name="sensor"/> means not fitted (every read is NotPresent).</summary>
        public HumidityTemperatureReader(IHumidityTemperatureSensor sensor, RetryPolicy policy)
            : base(SensorId.Dht22, policy)
        {
            _sensor = sensor;
            Temperature = new ChannelReading(SensorLimits.Dht22TemperatureMinCentiCelsius, SensorLimits.Dht22TemperatureMaxCentiCelsius, new StuckDetector(SensorLimits.Dht22StuckRepeats));
            Humidity = new ChannelReading(SensorLimits.HumidityMinCentiPercent, SensorLimits.HumidityMaxCentiPercent, new StuckDetector(SensorLimits.Dht22StuckRepeats));
        }

        /// <summary>Temperature of the latest read, centi-°C.</summary>
        public ChannelReading Temperature { get; private set; }

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
            return _sensor.TryRead(out _temperatureCentiCelsius, out _humidityCentiPercent);
        }

        /// <inheritdoc />
        protected override ReadingStatus Classify()
        {
            ReadingStatus t = Temperature.Classify(_temperatureCentiCelsius);
            ReadingStatus h = Humidity.Classify(_humidityCentiPercent);
            return FirstFailure(t, h);
        }

        /// <inheritdoc />
        protected override void FailAll(ReadingStatus status)
        {
            Temperature.Fail(status);
            Humidity.Fail(status);
        }
    }
}
