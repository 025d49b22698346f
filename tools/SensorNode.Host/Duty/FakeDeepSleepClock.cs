using System.Threading;
using SensorNode.Core.Simulation;

namespace SensorNode.Host.Duty;

/// <summary>
/// All-simulated time over the core's <see cref="SimulatedClock"/>: awake time passes only when simulated
/// parts spend it (<see cref="SimulatedUplink"/>); with a speed, every simulated millisecond also waits
/// 1/speed real milliseconds so a run can be watched (speed 0 = as fast as possible).
/// </summary>
public sealed class FakeDeepSleepClock : IDeepSleepClock
{
    private readonly double _speed;

    public FakeDeepSleepClock(double speed, long? startUnixMilliseconds)
    {
        _speed = speed;
        if (startUnixMilliseconds is long unix)
        {
            Clock.SetUnixMilliseconds(unix);
        }
    }

    /// <summary>The underlying clock, for simulated parts that spend time on it.</summary>
    public SimulatedClock Clock { get; } = new SimulatedClock();

    public long MonotonicMilliseconds => Clock.MonotonicMilliseconds;

    public long ElapsedMilliseconds => Clock.TrueMilliseconds;

    public bool TryGetUnixMilliseconds(out long unixMilliseconds) => Clock.TryGetUnixMilliseconds(out unixMilliseconds);

    public void Boot(int bootOverheadMilliseconds)
    {
        Pass(bootOverheadMilliseconds);
        Clock.Boot();
    }

    public void Sleep(long milliseconds) => Pass(milliseconds);

    private void Pass(long milliseconds)
    {
        long before = Clock.TrueMilliseconds;
        Clock.Advance(milliseconds);
        if (_speed > 0)
        {
            Thread.Sleep(System.TimeSpan.FromMilliseconds((Clock.TrueMilliseconds - before) / _speed));
        }
    }
}
