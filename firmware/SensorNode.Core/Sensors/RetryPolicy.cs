using System;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// Bounded retries that respect a sensor's timing (docs/sensors.md §4): at most <see cref="MaxAttempts"/>
    /// reads per sample, never two reads closer than <see cref="MinIntervalMilliseconds"/>, at least
    /// <see cref="RetryDelayMilliseconds"/> before a retry, and no more than <see cref="MaxWaitMilliseconds"/>
    /// spent waiting per sample.
    /// </summary>
    public sealed class RetryPolicy
    {
        /// <summary>Creates a policy; every argument must be ≥ 0 and <paramref name="maxAttempts"/> ≥ 1.</summary>
        public RetryPolicy(int maxAttempts, int minIntervalMilliseconds, int retryDelayMilliseconds, int maxWaitMilliseconds)
        {
            if (maxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException("maxAttempts");
            }

            if (minIntervalMilliseconds < 0 || retryDelayMilliseconds < 0 || maxWaitMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException("minIntervalMilliseconds");
            }

            MaxAttempts = maxAttempts;
            MinIntervalMilliseconds = minIntervalMilliseconds;
            RetryDelayMilliseconds = retryDelayMilliseconds;
            MaxWaitMilliseconds = maxWaitMilliseconds;
        }

        /// <summary>Reads per sample, the first included.</summary>
        public int MaxAttempts { get; private set; }

        /// <summary>Shortest time from the start of one read to the start of the next, in ms.</summary>
        public int MinIntervalMilliseconds { get; private set; }

        /// <summary>Shortest pause before a retry, in ms.</summary>
        public int RetryDelayMilliseconds { get; private set; }

        /// <summary>Longest total wait per sample, in ms; a read that would need more is not attempted.</summary>
        public int MaxWaitMilliseconds { get; private set; }

        /// <summary>DHT22: 3 reads, ≥ 2 s apart (AM2302 datasheet: "collecting period should be &gt; 2 s").</summary>
        public static RetryPolicy ForDht22()
        {
            return new RetryPolicy(3, 2000, 2000, 4500);
        }

        /// <summary>BME280: 3 forced-mode measurements, 10 ms between a failure and its retry.</summary>
        public static RetryPolicy ForBme280()
        {
            return new RetryPolicy(3, 0, 10, 100);
        }

        /// <summary>Accelerometer bursts: 3 tries per burst, 2 ms apart.</summary>
        public static RetryPolicy ForAccelerometer()
        {
            return new RetryPolicy(3, 0, 2, 50);
        }

        /// <summary>True for statuses worth retrying: a failed or corrupted transfer. Absent sensors are not retried.</summary>
        public static bool IsRetryable(ReadingStatus status)
        {
            return status == ReadingStatus.ReadFailed || status == ReadingStatus.ChecksumError;
        }

        /// <summary>
        /// Milliseconds to wait before attempt number <paramref name="attempt"/> (0-based) may start, given
        /// the monotonic start time of the previous read (negative when there was none).
        /// </summary>
        public int WaitBeforeAttempt(int attempt, long nowMilliseconds, long lastReadStartMilliseconds)
        {
            long wait = 0;
            if (lastReadStartMilliseconds >= 0)
            {
                wait = lastReadStartMilliseconds + MinIntervalMilliseconds - nowMilliseconds;
            }

            if (attempt > 0 && wait < RetryDelayMilliseconds)
            {
                wait = RetryDelayMilliseconds;
            }

            if (wait < 0)
            {
                return 0;
            }

            return wait > int.MaxValue ? int.MaxValue : (int)wait;
        }
    }
}
