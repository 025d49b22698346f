using SensorNode.Core.Ports;

namespace SensorNode.Core.Simulation
{
    /// <summary>
    /// A clock that moves only when told to: <see cref="Advance"/> by tests, or <see cref="Wait"/> by code
    /// that waits for sensor timing (so simulated waits take no real time). Wall-clock time is monotonic time
    /// plus a settable offset.
    /// </summary>
    public sealed class SimulatedClock : IClock, IDelay
    {
        private long _unixOffsetMilliseconds;
        private bool _wallClockSet;

        /// <inheritdoc />
        public long MonotonicMilliseconds { get; private set; }

        /// <summary>Milliseconds spent in <see cref="Wait"/> so far.</summary>
        public long WaitedMilliseconds { get; private set; }

        /// <summary>Moves time forward by <paramref name="milliseconds"/> (negative values are ignored).</summary>
        public void Advance(long milliseconds)
        {
            if (milliseconds > 0)
            {
                MonotonicMilliseconds += milliseconds;
            }
        }

        /// <summary>Sets wall-clock time to <paramref name="unixMilliseconds"/> now; it then advances with the clock.</summary>
        public void SetUnixMilliseconds(long unixMilliseconds)
        {
            _unixOffsetMilliseconds = unixMilliseconds - MonotonicMilliseconds;
            _wallClockSet = true;
        }

        /// <inheritdoc />
        public bool TryGetUnixMilliseconds(out long unixMilliseconds)
        {
            unixMilliseconds = _wallClockSet ? MonotonicMilliseconds + _unixOffsetMilliseconds : 0;
            return _wallClockSet;
        }

        /// <inheritdoc />
        public void Wait(int milliseconds)
        {
            if (milliseconds > 0)
            {
                MonotonicMilliseconds += milliseconds;
                WaitedMilliseconds += milliseconds;
            }
        }
    }
}
