using SensorNode.Core.Ports;

namespace SensorNode.Core.Simulation
{
    /// <summary>
    /// A fake <see cref="ISleepController"/>: records the requested sleep and returns, so the caller can
    /// advance a <see cref="SimulatedClock"/> and boot a fresh core. After a sleep the wake cause is Timer.
    /// </summary>
    public sealed class SimulatedSleepController : ISleepController
    {
        /// <summary>Creates a controller whose first boot has the given cause.</summary>
        public SimulatedSleepController(WakeCause firstCause)
        {
            WakeCause = firstCause;
        }

        /// <inheritdoc />
        public WakeCause WakeCause { get; set; }

        /// <summary>Sleeps requested so far.</summary>
        public int SleepCount { get; private set; }

        /// <summary>The last requested sleep, in milliseconds.</summary>
        public long LastSleepMilliseconds { get; private set; }

        /// <inheritdoc />
        public void DeepSleep(long milliseconds)
        {
            SleepCount++;
            LastSleepMilliseconds = milliseconds;
            WakeCause = WakeCause.Timer;
        }
    }
}
