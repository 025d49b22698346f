using SensorNode.Core.Ports;

namespace SensorNode.Core.Duty
{
    /// <summary>
    /// The awake watchdog's decisions (PLATFORM.md §3: no managed watchdog API). A platform timer calls
    /// <see cref="TryExpire"/> when it fires; the normal path calls <see cref="TryFinish"/> just before it sleeps
    /// or reboots. Exactly one of them wins, so a hung adapter cannot keep the radio on, and a guard that fires
    /// while the normal path is already going to sleep does nothing. Always-on nodes <see cref="Kick"/> it once
    /// per loop, so it only expires when one step hangs for a whole budget. Thread-safe; allocates nothing.
    /// </summary>
    public sealed class AwakeGuard
    {
        private readonly IClock _clock;
        private readonly object _sync = new object();
        private readonly long _budgetMilliseconds;
        private readonly long _intervalMilliseconds;
        private long _deadlineMilliseconds;
        private bool _ended;
        private bool _expired;

        /// <summary>Arms the guard: it expires <paramref name="budgetMilliseconds"/> after now; the interval sizes the forced sleep.</summary>
        public AwakeGuard(IClock clock, long budgetMilliseconds, long intervalMilliseconds)
        {
            _clock = clock;
            _budgetMilliseconds = budgetMilliseconds < 1 ? 1 : budgetMilliseconds;
            _intervalMilliseconds = intervalMilliseconds;
            _deadlineMilliseconds = clock.MonotonicMilliseconds + _budgetMilliseconds;
        }

        /// <summary>Monotonic time at which the guard expires, in milliseconds.</summary>
        public long DeadlineMilliseconds
        {
            get
            {
                lock (_sync)
                {
                    return _deadlineMilliseconds;
                }
            }
        }

        /// <summary>True once the guard expired and took over the end of this boot.</summary>
        public bool Expired
        {
            get
            {
                lock (_sync)
                {
                    return _expired;
                }
            }
        }

        /// <summary>Milliseconds until the guard expires (0 when due); a platform timer re-arms itself with this.</summary>
        public long MillisecondsLeft
        {
            get
            {
                long left = DeadlineMilliseconds - _clock.MonotonicMilliseconds;
                return left < 0 ? 0 : left;
            }
        }

        /// <summary>Moves the deadline to a full budget from now (always-on mode, once per healthy loop); false once the boot is ending.</summary>
        public bool Kick()
        {
            lock (_sync)
            {
                if (_ended)
                {
                    return false;
                }

                _deadlineMilliseconds = _clock.MonotonicMilliseconds + _budgetMilliseconds;
                return true;
            }
        }

        /// <summary>The normal path claims the end of this boot; false when the guard already expired (the caller must then not sleep again).</summary>
        public bool TryFinish()
        {
            lock (_sync)
            {
                if (_ended)
                {
                    return false;
                }

                _ended = true;
                return true;
            }
        }

        /// <summary>
        /// Called when the platform timer fires: true when the deadline has passed and the guard takes over the end
        /// of this boot (force sleep or reboot); false when the normal path already finished or the timer fired
        /// early (after a <see cref="Kick"/>; re-arm for <see cref="MillisecondsLeft"/>).
        /// </summary>
        public bool TryExpire()
        {
            lock (_sync)
            {
                if (_ended || _clock.MonotonicMilliseconds < _deadlineMilliseconds)
                {
                    return false;
                }

                _ended = true;
                _expired = true;
                return true;
            }
        }

        /// <summary>
        /// How long a forced deep sleep lasts: what is left of one interval since boot, at least
        /// <see cref="WakeSchedule.MinSleepMilliseconds"/>. The wake cycle appended its reading and counted the radio
        /// attempt as failed before the radio (WakeCycle.DecideRadio), so the next wake backs off.
        /// </summary>
        public long ForcedSleepMilliseconds()
        {
            long left = _intervalMilliseconds - _clock.MonotonicMilliseconds;
            return left < WakeSchedule.MinSleepMilliseconds ? WakeSchedule.MinSleepMilliseconds : left;
        }
    }
}
