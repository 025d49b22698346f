using SensorNode.Core.Ports;

namespace SensorNode.Core.Duty
{
    /// <summary>
    /// An <see cref="ISleepController"/> that lets the normal path sleep only when the <see cref="AwakeGuard"/> has not
    /// already taken over the end of this boot: the awake watchdog and the wake cycle never both sleep the chip.
    /// When the guard won, <see cref="DeepSleep"/> returns at once and the caller waits for the forced sleep.
    /// </summary>
    public sealed class GuardedSleep : ISleepController
    {
        private readonly ISleepController _inner;
        private readonly AwakeGuard _guard;

        /// <summary>Wraps the platform's sleep controller.</summary>
        public GuardedSleep(ISleepController inner, AwakeGuard guard)
        {
            _inner = inner;
            _guard = guard;
        }

        /// <inheritdoc />
        public WakeCause WakeCause
        {
            get { return _inner.WakeCause; }
        }

        /// <summary>True when the last <see cref="DeepSleep"/> was refused because the guard had expired.</summary>
        public bool Preempted { get; private set; }

        /// <inheritdoc />
        public void DeepSleep(long milliseconds)
        {
            if (!_guard.TryFinish())
            {
                Preempted = true;
                return;
            }

            _inner.DeepSleep(milliseconds);
        }
    }
}
