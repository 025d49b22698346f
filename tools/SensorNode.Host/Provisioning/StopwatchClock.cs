using System.Diagnostics;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Provisioning;

/// <summary>The host's monotonic clock as an <see cref="IClock"/>; no wall clock is needed by provisioning.</summary>
public sealed class StopwatchClock : IClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public long MonotonicMilliseconds => _watch.ElapsedMilliseconds;

    public bool TryGetUnixMilliseconds(out long unixMilliseconds)
    {
        unixMilliseconds = System.DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return true;
    }
}
