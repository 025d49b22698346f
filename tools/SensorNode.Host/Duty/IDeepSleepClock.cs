using SensorNode.Core.Ports;

namespace SensorNode.Host.Duty;

/// <summary>The clock of a simulated deep-sleeping node: boots restart monotonic time, sleeps pass simulated time.</summary>
public interface IDeepSleepClock : IClock
{
    /// <summary>Simulated time since the run started, in milliseconds.</summary>
    long ElapsedMilliseconds { get; }

    /// <summary>A boot: the timer fired, the boot overhead passes, monotonic time restarts at zero.</summary>
    void Boot(int bootOverheadMilliseconds);

    /// <summary>Deep sleep for <paramref name="milliseconds"/> of simulated time (waiting real time when accelerated).</summary>
    void Sleep(long milliseconds);
}
