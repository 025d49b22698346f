using System;
using System.Threading;
using SensorNode.Core.Duty;

namespace SensorNode.Device.Platform
{
    /// <summary>
    /// The awake watchdog (PLATFORM.md §3: the ESP32 task watchdog is off and has no managed API): a one-shot
    /// System.Threading.Timer armed at boot for NodeConfig.AwakeBudgetMilliseconds. When it fires and the
    /// <see cref="AwakeGuard"/> agrees, it runs the expiry action on the timer thread (deep-sleep nodes: forced
    /// deep sleep; always-on nodes: reboot), even if the main thread hangs in an adapter.
    /// </summary>
    public sealed class AwakeWatchdog
    {
        private readonly AwakeGuard _guard;
        private readonly SleepHook _onExpired;
        private readonly Timer _timer;

        /// <summary>Arms the timer for the guard's budget; <paramref name="onExpired"/> must end the boot (sleep or reboot).</summary>
        public AwakeWatchdog(AwakeGuard guard, SleepHook onExpired)
        {
            _guard = guard;
            _onExpired = onExpired;
            _timer = new Timer(OnTimer, null, ToDue(guard.MillisecondsLeft), Timeout.Infinite);
        }

        /// <summary>The guard's decisions.</summary>
        public AwakeGuard Guard
        {
            get { return _guard; }
        }

        /// <summary>Always-on: a healthy loop moves the deadline a full budget ahead.</summary>
        public void Kick()
        {
            if (_guard.Kick())
            {
                _timer.Change(ToDue(_guard.MillisecondsLeft), Timeout.Infinite);
            }
        }

        private void OnTimer(object state)
        {
            if (!_guard.TryExpire())
            {
                if (!_guard.Expired)
                {
                    _timer.Change(ToDue(_guard.MillisecondsLeft), Timeout.Infinite);
                }

                return;
            }

            Console.WriteLine("awake budget exceeded: forcing the end of this boot");
            _onExpired();
        }

        private static int ToDue(long milliseconds)
        {
            return milliseconds < 1 ? 1 : (milliseconds > int.MaxValue ? int.MaxValue : (int)milliseconds);
        }
    }
}
