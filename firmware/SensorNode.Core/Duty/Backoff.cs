namespace SensorNode.Core.Duty
{
    /// <summary>
    /// Exponential backoff with "equal jitter" for failed connection attempts, counted in wakes because
    /// wakes are the only time base that survives deep sleep without a set clock. After the n-th
    /// failure in a row the nominal delay is min(base * 2^(n-1), max) seconds; the actual delay is drawn
    /// uniformly from [delay/2, delay], so a fleet that lost its broker does not return in lockstep.
    /// </summary>
    public static class Backoff
    {
        /// <summary>Failures beyond this no longer double the delay (keeps the shift in range).</summary>
        public const int MaxDoublings = 20;

        /// <summary>Nominal (unjittered) delay in seconds after <paramref name="failuresInRow"/> failures (0 when none).</summary>
        public static long NominalDelaySeconds(int failuresInRow, int baseSeconds, int maxSeconds)
        {
            if (failuresInRow <= 0)
            {
                return 0;
            }

            int doublings = failuresInRow - 1 > MaxDoublings ? MaxDoublings : failuresInRow - 1;
            long delay = (long)baseSeconds << doublings;
            return delay > maxSeconds ? maxSeconds : delay;
        }

        /// <summary>
        /// Wakes to wait before the next radio attempt (at least 1: the next wake), drawing jitter from
        /// <paramref name="jitterState"/> (xorshift32, advanced in place; 0 is reseeded).
        /// </summary>
        public static int WakesToWait(int failuresInRow, int baseSeconds, int maxSeconds, int intervalSeconds, ref uint jitterState)
        {
            long delay = NominalDelaySeconds(failuresInRow, baseSeconds, maxSeconds);
            long half = delay / 2;
            long jittered = half + (long)(NextRandom(ref jitterState) % (uint)(delay - half + 1));
            long wakes = (jittered + intervalSeconds - 1) / intervalSeconds;
            return wakes < 1 ? 1 : (int)wakes;
        }

        /// <summary>One step of xorshift32 (Marsaglia 2003, shifts 13/17/5); a zero state is replaced by a fixed seed.</summary>
        public static uint NextRandom(ref uint state)
        {
            uint x = state == 0 ? 0x9E3779B9 : state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            state = x;
            return x;
        }
    }
}
