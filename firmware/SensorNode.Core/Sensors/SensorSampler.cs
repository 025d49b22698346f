using SensorNode.Core.Config;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// The node's <see cref="ISampleSource"/>: reads every sensor port, classifies each quantity, picks a
    /// source per channel (docs/sensors.md §7: BME280 first, DHT22 as fallback for temperature and
    /// humidity), runs the per-channel filters and fills a <see cref="SampleRecord"/> with values,
    /// statuses and the anomaly mask. A failed or absent sensor only changes its own channels' statuses.
    /// Sequence and timestamp are the caller's. Nothing allocates after construction.
    /// </summary>
    public sealed class SensorSampler : ISampleSource
    {
        private readonly IClock _clock;
        private readonly IDelay _delay;
        private readonly HumidityTemperatureReader _dht22;
        private readonly PressureReader _bme280;
        private readonly VibrationReader _vibration;
        private readonly ChannelFilter[] _filters = new ChannelFilter[SampleRecord.ChannelCount];
        private readonly int _averageWindow;
        private readonly int _zWindow;
        private FilterStateFile _retained;
        private bool _restored;

        /// <summary>
        /// Creates the sampler. Any sensor may be null (not fitted): its channels then read NotPresent.
        /// Windows and the z threshold come from <paramref name="config"/>.
        /// </summary>
        public SensorSampler(NodeConfig config, IClock clock, IDelay delay, IHumidityTemperatureSensor dht22, IPressureSensor bme280, IVibrationSensor accelerometer)
        {
            _clock = clock;
            _delay = delay;
            _dht22 = new HumidityTemperatureReader(dht22, RetryPolicy.ForDht22());
            _bme280 = new PressureReader(bme280, RetryPolicy.ForBme280());
            _vibration = new VibrationReader(accelerometer, config.CrestWindow, RetryPolicy.ForAccelerometer());
            for (int i = 0; i < _filters.Length; i++)
            {
                Channel channel = (Channel)i;
                _filters[i] = new ChannelFilter(config.AverageWindow, config.ZWindow, config.ZThresholdMilli, ChannelRange.Min(channel), ChannelRange.Max(channel));
            }

            _averageWindow = config.AverageWindow;
            _zWindow = config.ZWindow;
        }

        /// <summary>What the first <see cref="Sample"/> found in the retained filter state (Missing until then, or without <see cref="RetainFiltersIn"/>).</summary>
        public FilterStateStatus RestoreStatus { get; private set; } = FilterStateStatus.Missing;

        /// <summary>
        /// Deep sleep: the filters outlive the boot in <paramref name="store"/> (signal-chain.md §8). The first
        /// sample restores them, every sample saves them.
        /// </summary>
        public void RetainFiltersIn(IFileStore store)
        {
            _retained = new FilterStateFile(store, _averageWindow, _zWindow, _filters.Length);
            _restored = false;
        }

        /// <summary>Health counters of one sensor.</summary>
        public SensorHealth HealthOf(SensorId sensor)
        {
            if (sensor == SensorId.Dht22)
            {
                return _dht22.Health;
            }

            return sensor == SensorId.Bme280 ? _bme280.Health : _vibration.Health;
        }

        /// <summary>Latest z-score of a channel, thousandths.</summary>
        public int ZMilliOf(Channel channel)
        {
            return _filters[(int)channel].ZMilli;
        }

        /// <inheritdoc />
        public void Sample(SampleRecord record)
        {
            if (_retained != null && !_restored)
            {
                _restored = true;
                RestoreStatus = _retained.Restore(_filters);
            }

            _bme280.Read(_clock, _delay);
            _dht22.Read(_clock, _delay);
            _vibration.Read(_delay);

            int anomalyMask = 0;
            anomalyMask |= Publish(record, Channel.Temperature, Pick(_bme280.Temperature, _dht22.Temperature));
            anomalyMask |= Publish(record, Channel.Humidity, Pick(_bme280.Humidity, _dht22.Humidity));
            anomalyMask |= Publish(record, Channel.Pressure, _bme280.Pressure);
            anomalyMask |= Publish(record, Channel.VibrationRms, _vibration.Rms);
            anomalyMask |= Publish(record, Channel.CrestFactor, _vibration.Crest);
            record.AnomalyMask = anomalyMask;
            if (_retained != null)
            {
                _retained.Save(_filters);
            }
        }

        /// <summary>
        /// The preferred source when it is Ok, else the fallback when it is Ok, else the preferred source's
        /// failure unless that sensor is absent (then the fallback's, which says more).
        /// </summary>
        private static ChannelReading Pick(ChannelReading preferred, ChannelReading fallback)
        {
            if (preferred.Status == ReadingStatus.Ok || fallback.Status == ReadingStatus.Ok)
            {
                return preferred.Status == ReadingStatus.Ok ? preferred : fallback;
            }

            return preferred.Status == ReadingStatus.NotPresent ? fallback : preferred;
        }

        private int Publish(SampleRecord record, Channel channel, ChannelReading reading)
        {
            if (reading.Status != ReadingStatus.Ok)
            {
                record.Set(channel, reading.Value, reading.Status);
                return 0;
            }

            ChannelFilter filter = _filters[(int)channel];
            if (!filter.Accepts(reading.Value))
            {
                record.Set(channel, reading.Value, ReadingStatus.OutOfRange);
                return 0;
            }

            bool anomaly;
            int average = filter.Update(reading.Value, out anomaly);
            record.Set(channel, average, ReadingStatus.Ok);
            return anomaly ? 1 << (int)channel : 0;
        }
    }
}
