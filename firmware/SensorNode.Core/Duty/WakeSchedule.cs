using SensorNode.Core.Ports;

namespace SensorNode.Core.Duty
{
    /// <summary>
    /// Keeps timer wakes on a fixed grid (target_k = anchor + k * interval) so the schedule does not drift
    /// over days: each sleep is "next target minus now", i.e. the interval minus the time spent awake.
    /// Schedule time is Unix time when the wall clock is set (the ESP32 RTC keeps it across deep sleep,
    /// SNTP sets it on radio wakes), otherwise the node's own estimate: the previous target plus the boot
    /// overhead plus monotonic time (docs/time.md).
    /// </summary>
    public sealed class WakeSchedule
    {
        /// <summary>Shortest sleep worth taking; a target closer than this is skipped to the next slot.</summary>
        public const int MinSleepMilliseconds = 500;

        private readonly long _intervalMilliseconds;
        private readonly long _bootOverheadMilliseconds;
        private long _baseMilliseconds;
        private bool _isUnix;

        /// <summary>Creates a schedule for a wake interval and the estimated time from timer to runtime start.</summary>
        public WakeSchedule(long intervalMilliseconds, long bootOverheadMilliseconds)
        {
            _intervalMilliseconds = intervalMilliseconds;
            _bootOverheadMilliseconds = bootOverheadMilliseconds;
        }

        /// <summary>Slots skipped because a wake overran its next target.</summary>
        public int SkippedSlots { get; private set; }

        /// <summary>True when schedule time is Unix time in this wake.</summary>
        public bool IsUnix
        {
            get { return _isUnix; }
        }

        /// <summary>
        /// At boot: fixes the time base and sets <paramref name="state"/>'s target to the next slot
        /// (continuing the grid after a timer wake, anchoring a new grid at this boot otherwise).
        /// </summary>
        public void Begin(IClock clock, Checkpoint state, bool timerWake)
        {
            SkippedSlots = 0;
            long previous = state.NextWakeTargetMilliseconds;
            long monotonic = clock.MonotonicMilliseconds;
            long unix;
            bool continuous;
            if (clock.TryGetUnixMilliseconds(out unix))
            {
                _isUnix = true;
                _baseMilliseconds = unix - monotonic;
                continuous = timerWake && previous != 0 && state.TargetIsUnix;
            }
            else
            {
                // Without a clock we assume we woke on the target; the boot overhead is the runtime's start-up.
                _isUnix = false;
                _baseMilliseconds = previous + _bootOverheadMilliseconds;
                continuous = timerWake && previous != 0;
            }

            state.NextWakeTargetMilliseconds = continuous ? previous + _intervalMilliseconds : _baseMilliseconds + _intervalMilliseconds;
            state.TargetIsUnix = _isUnix;
            SkipMissed(state, Now(clock));
        }

        /// <summary>Current schedule time, in milliseconds.</summary>
        public long Now(IClock clock)
        {
            long unix;
            if (_isUnix && clock.TryGetUnixMilliseconds(out unix))
            {
                return unix;
            }

            return _baseMilliseconds + clock.MonotonicMilliseconds;
        }

        /// <summary>
        /// Before the last write: re-anchors on Unix time if the clock was set during this wake, and skips
        /// slots that are already (nearly) past. True when the target changed.
        /// </summary>
        public bool Prepare(IClock clock, Checkpoint state)
        {
            bool changed = false;
            long unix;
            if (!_isUnix && clock.TryGetUnixMilliseconds(out unix))
            {
                _isUnix = true;
                _baseMilliseconds = unix - clock.MonotonicMilliseconds;
                state.NextWakeTargetMilliseconds = _baseMilliseconds + _intervalMilliseconds;
                state.TargetIsUnix = true;
                changed = true;
            }

            return SkipMissed(state, Now(clock)) || changed;
        }

        /// <summary>Milliseconds to sleep until the target (at least 1).</summary>
        public long SleepMilliseconds(IClock clock, Checkpoint state)
        {
            long sleep = state.NextWakeTargetMilliseconds - Now(clock);
            return sleep < 1 ? 1 : sleep;
        }

        /// <summary>The target as Unix milliseconds, or 0 when the clock is not set.</summary>
        public long NextWakeUnixMilliseconds(Checkpoint state)
        {
            return state.TargetIsUnix ? state.NextWakeTargetMilliseconds : 0;
        }

        private bool SkipMissed(Checkpoint state, long now)
        {
            long early = state.NextWakeTargetMilliseconds - now - MinSleepMilliseconds;
            if (early >= 0)
            {
                return false;
            }

            long slots = ((-early) + _intervalMilliseconds - 1) / _intervalMilliseconds;
            state.NextWakeTargetMilliseconds += slots * _intervalMilliseconds;
            SkippedSlots += (int)slots;
            return true;
        }
    }
}
