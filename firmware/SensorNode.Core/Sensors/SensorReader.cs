using SensorNode.Core.Ports;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// Reads one sensor per sample under its <see cref="RetryPolicy"/>, classifies each quantity and
    /// records health. Subclasses supply the single bus read and the per-quantity classification.
    /// </summary>
    public abstract class SensorReader
    {
        private readonly RetryPolicy _policy;
        private long _lastReadStartMilliseconds = -1;

        /// <summary>Creates a reader for <paramref name="sensor"/> under <paramref name="policy"/>.</summary>
        protected SensorReader(SensorId sensor, RetryPolicy policy)
        {
            _policy = policy;
            Health = new SensorHealth(sensor);
        }

        /// <summary>This sensor's health counters.</summary>
        public SensorHealth Health { get; private set; }

        /// <summary>
        /// Reads with bounded retries, then classifies; returns the outcome recorded in health: the transfer's
        /// failure status, else the first quantity's non-Ok status, else Ok. Never throws for sensor faults.
        /// </summary>
        public ReadingStatus Read(IClock clock, IDelay delay)
        {
            ReadingStatus status = IsFitted ? ReadWithRetries(clock, delay) : ReadingStatus.NotPresent;
            if (status == ReadingStatus.Ok)
            {
                status = Classify();
            }
            else
            {
                FailAll(status);
            }

            Health.RecordRead(status);
            return status;
        }

        /// <summary>False when no sensor is fitted: reads are then NotPresent at once, without waiting.</summary>
        protected abstract bool IsFitted { get; }

        /// <summary>One read of the sensor, storing raw values in the subclass.</summary>
        protected abstract ReadingStatus ReadOnce();

        /// <summary>Classifies every quantity of a good read; returns the first non-Ok status, or Ok.</summary>
        protected abstract ReadingStatus Classify();

        /// <summary>Marks every quantity as failed with <paramref name="status"/>.</summary>
        protected abstract void FailAll(ReadingStatus status);

        /// <summary>Returns <paramref name="current"/> unless it is Ok, then <paramref name="next"/>.</summary>
        protected static ReadingStatus FirstFailure(ReadingStatus current, ReadingStatus next)
        {
            return current != ReadingStatus.Ok ? current : next;
        }

        private ReadingStatus ReadWithRetries(IClock clock, IDelay delay)
        {
            ReadingStatus status = ReadingStatus.ReadFailed;
            int waitedMilliseconds = 0;
            for (int attempt = 0; attempt < _policy.MaxAttempts; attempt++)
            {
                int wait = _policy.WaitBeforeAttempt(attempt, clock.MonotonicMilliseconds, _lastReadStartMilliseconds);
                if (wait > 0)
                {
                    if (waitedMilliseconds + (long)wait > _policy.MaxWaitMilliseconds)
                    {
                        break;
                    }

                    delay.Wait(wait);
                    waitedMilliseconds += wait;
                }

                _lastReadStartMilliseconds = clock.MonotonicMilliseconds;
                Health.RecordAttempt();
                status = ReadOnce();
                if (!RetryPolicy.IsRetryable(status))
                {
                    break;
                }
            }

            return status;
        }
    }
}
