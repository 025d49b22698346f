using SensorNode.Core.Ports;

namespace SensorNode.Core.Simulation
{
    /// <summary>
    /// A fake <see cref="IClock"/> driven by tests and simulators: "true" time only moves when told to.
    /// <see cref="Boot"/> restarts monotonic time as a deep-sleep wake does; the wall clock, once set,
    /// keeps running across boots (the ESP32 RTC keeps it in deep sleep) until <see cref="LoseWallClock"/>
    /// (power loss). Code that waits for sensor timing calls <see cref="Wait"/>, which moves time instead of
    /// blocking, so simulated waits take no real time.
    /// </summary>
    public sealed class SimulatedClock : IClock, IDelay
    {
        private long _trueMilliseconds;
        private long _bootAtMilliseconds;
        private bool _wallSet;
        private long _unixAtTrueZero;

        /// <summary>Simulation time since the clock was created, in milliseconds.</summary>
        public long TrueMilliseconds
        {
            get { return _trueMilliseconds; }
        }

        /// <inheritdoc />
        public long MonotonicMilliseconds
        {
            get { return _trueMilliseconds - _bootAtMilliseconds; }
        }

        /// <summary>True once the wall clock is set.</summary>
        public bool WallClockSet
        {
            get { return _wallSet; }
        }

        /// <inheritdoc />
        public bool TryGetUnixMilliseconds(out long unixMilliseconds)
        {
            unixMilliseconds = _wallSet ? _unixAtTrueZero + _trueMilliseconds : 0;
            return _wallSet;
        }

        /// <summary>Moves time forward.</summary>
        public void Advance(long milliseconds)
        {
            if (milliseconds > 0)
            {
                _trueMilliseconds += milliseconds;
            }
        }

        /// <summary>Moves time forward to <paramref name="monotonicMilliseconds"/> of this boot, if it is ahead.</summary>
        public void AdvanceTo(long monotonicMilliseconds)
        {
            Advance(monotonicMilliseconds - MonotonicMilliseconds);
        }

        /// <summary>A boot: monotonic time restarts at zero.</summary>
        public void Boot()
        {
            _bootAtMilliseconds = _trueMilliseconds;
        }

        /// <summary>Sets the wall clock (as SNTP would) to <paramref name="unixMilliseconds"/> now.</summary>
        public void SetUnixMilliseconds(long unixMilliseconds)
        {
            _unixAtTrueZero = unixMilliseconds - _trueMilliseconds;
            _wallSet = true;
        }

        /// <summary>Milliseconds spent in <see cref="Wait"/> so far.</summary>
        public long WaitedMilliseconds { get; private set; }

        /// <inheritdoc />
        public void Wait(int milliseconds)
        {
            if (milliseconds > 0)
            {
                _trueMilliseconds += milliseconds;
                WaitedMilliseconds += milliseconds;
            }
        }

        /// <summary>Forgets the wall clock (power loss).</summary>
        public void LoseWallClock()
        {
            _wallSet = false;
        }
    }
}
