using System.Diagnostics;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Simulation;

/// <summary><see cref="IClock"/> on the host: a stopwatch since start, and the system's UTC time.</summary>
public sealed class SystemClock : IClock
{
    private readonly Stopwatch _since = Stopwatch.StartNew();

    /// <inheritdoc />
    public long MonotonicMilliseconds => _since.ElapsedMilliseconds;

    /// <inheritdoc />
    public bool TryGetUnixMilliseconds(out long unixMilliseconds)
    {
        unixMilliseconds = System.DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return true;
    }
}
