using System;
using System.Diagnostics;
using System.Threading;

namespace SensorNode.Host.Duty;

/// <summary>
/// Real awake time (a stopwatch, so real network calls meet real deadlines) with accelerated sleeps:
/// a simulated sleep of N ms waits N/speed real ms (speed 0 = no wait). The wall clock starts at the
/// given Unix time (the RTC) and advances by awake plus simulated sleep time.
/// </summary>
public sealed class AcceleratedDeepSleepClock : IDeepSleepClock
{
    private readonly double _speed;
    private readonly long _startUnixMilliseconds;
    private readonly Stopwatch _awake = new();
    private long _completedMilliseconds;

    public AcceleratedDeepSleepClock(double speed, long startUnixMilliseconds)
    {
        _speed = speed;
        _startUnixMilliseconds = startUnixMilliseconds;
        _awake.Start();
    }

    public long MonotonicMilliseconds => _awake.ElapsedMilliseconds;

    public long ElapsedMilliseconds => _completedMilliseconds + _awake.ElapsedMilliseconds;

    public bool TryGetUnixMilliseconds(out long unixMilliseconds)
    {
        unixMilliseconds = _startUnixMilliseconds + ElapsedMilliseconds;
        return true;
    }

    public void Boot(int bootOverheadMilliseconds)
    {
        _completedMilliseconds += _awake.ElapsedMilliseconds + bootOverheadMilliseconds;
        _awake.Restart();
    }

    public void Sleep(long milliseconds)
    {
        _completedMilliseconds += _awake.ElapsedMilliseconds + milliseconds;
        _awake.Restart();
        if (_speed > 0)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(milliseconds / _speed));
        }

        _awake.Restart();
    }
}
