using System.Threading;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Duty;

/// <summary>
/// The outside world's time during a deep-sleep run, for simulated sensors that outlive the node's boots:
/// monotonic time is the run's elapsed time (it does not restart at a boot, unlike the node's clock), the
/// wall clock is the node's RTC. Waits advance simulated time on an all-simulated clock and really sleep
/// otherwise (awake time is real there).
/// </summary>
public sealed class WorldClock : IClock, IDelay
{
    private readonly IDeepSleepClock _clock;

    /// <summary>Views <paramref name="clock"/>.</summary>
    public WorldClock(IDeepSleepClock clock) => _clock = clock;

    /// <inheritdoc />
    public long MonotonicMilliseconds => _clock.ElapsedMilliseconds;

    /// <inheritdoc />
    public bool TryGetUnixMilliseconds(out long unixMilliseconds) => _clock.TryGetUnixMilliseconds(out unixMilliseconds);

    /// <inheritdoc />
    public void Wait(int milliseconds)
    {
        if (milliseconds <= 0)
        {
            return;
        }

        if (_clock is FakeDeepSleepClock fake)
        {
            fake.Clock.Advance(milliseconds);
        }
        else
        {
            Thread.Sleep(milliseconds);
        }
    }
}
