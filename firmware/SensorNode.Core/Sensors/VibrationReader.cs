using SensorNode.Core.Dsp;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// Collects one crest-factor window of accelerometer samples per sample (docs/sensors.md §6): drains the
    /// FIFO in bursts into a buffer allocated once, waits for it to refill, and gives up after twice the
    /// window's duration. Clipping makes the window OutOfRange; a window with zero variance is Stuck.
    /// </summary>
    public sealed class VibrationReader
    {
        /// <summary>Samples drained per burst: the ADXL345 FIFO holds 32 plus one in the output registers.</summary>
        public const int BurstSamples = 33;

        private readonly IVibrationSensor _sensor;
        private readonly RetryPolicy _policy;
        private readonly CrestFactor _crest;
        private readonly int[] _burst = new int[BurstSamples];

        /// <summary>Creates a reader over windows of <paramref name="crestWindow"/> samples; a null sensor means not fitted.</summary>
        public VibrationReader(IVibrationSensor sensor, int crestWindow, RetryPolicy policy)
        {
            _sensor = sensor;
            _policy = policy;
            _crest = new CrestFactor(crestWindow);
            Health = new SensorHealth(SensorId.Accelerometer);
            Rms = new ChannelReading(0, int.MaxValue, null);
            Crest = new ChannelReading(0, int.MaxValue, null);
        }

        /// <summary>The accelerometer's health counters.</summary>
        public SensorHealth Health { get; private set; }

        /// <summary>RMS of the latest window (DC removed), milli-g.</summary>
        public ChannelReading Rms { get; private set; }

        /// <summary>Crest factor of the latest window, thousandths.</summary>
        public ChannelReading Crest { get; private set; }

        /// <summary>Reads one full window; returns the outcome recorded in health.</summary>
        public ReadingStatus Read(IDelay delay)
        {
            bool clipped = false;
            ReadingStatus status = _sensor == null ? ReadingStatus.NotPresent : CollectWindow(delay, out clipped);
            if (status != ReadingStatus.Ok)
            {
                Rms.Fail(status);
                Crest.Fail(status);
                Health.RecordRead(status);
                return status;
            }

            int rmsMilliG = (int)((_crest.RmsMilli + 500) / 1000);
            if (clipped)
            {
                status = ReadingStatus.OutOfRange;
            }
            else if (_crest.RmsMilli == 0)
            {
                status = ReadingStatus.Stuck;
            }

            Rms.Set(rmsMilliG, status);
            Crest.Set(_crest.CrestMilli, status);
            Health.RecordRead(status);
            return status;
        }

        private ReadingStatus CollectWindow(IDelay delay, out bool clipped)
        {
            clipped = false;
            _crest.Reset();
            int rate = _sensor.SampleRateHertz;
            int fullScale = _sensor.FullScaleMilliG;
            int refillMilliseconds = (BurstSamples / 2 * 1000 + rate - 1) / rate;
            long budgetMilliseconds = 2L * _crest.Window * 1000 / rate + 100;
            long waitedMilliseconds = 0;
            while (true)
            {
                int read;
                ReadingStatus status = ReadBurstWithRetries(delay, out read);
                if (status != ReadingStatus.Ok)
                {
                    return status;
                }

                for (int i = 0; i < read; i++)
                {
                    int x = _burst[i];
                    if (SensorLimits.IsClipped(x, fullScale))
                    {
                        clipped = true;
                    }

                    if (_crest.Add(x))
                    {
                        return ReadingStatus.Ok;
                    }
                }

                if (read < BurstSamples)
                {
                    // The FIFO is drained: let it refill to about half (16 entries) before the next burst.
                    if (waitedMilliseconds + refillMilliseconds > budgetMilliseconds)
                    {
                        return ReadingStatus.ReadFailed;
                    }

                    delay.Wait(refillMilliseconds);
                    waitedMilliseconds += refillMilliseconds;
                }
            }
        }

        private ReadingStatus ReadBurstWithRetries(IDelay delay, out int read)
        {
            ReadingStatus status = ReadingStatus.ReadFailed;
            read = 0;
            for (int attempt = 0; attempt < _policy.MaxAttempts; attempt++)
            {
                if (attempt > 0)
                {
                    delay.Wait(_policy.RetryDelayMilliseconds);
                }

                Health.RecordAttempt();
                status = _sensor.ReadBurst(_burst, 0, BurstSamples, out read);
                if (!RetryPolicy.IsRetryable(status))
                {
                    break;
                }
            }

            if (status != ReadingStatus.Ok)
            {
                read = 0;
            }

            return status;
        }
    }
}
