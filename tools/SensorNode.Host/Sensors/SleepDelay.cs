using System.Threading;
using SensorNode.Core.Ports;

namespace SensorNode.Host.Sensors;

/// <summary>Real waiting for clocks that do not implement <see cref="IDelay"/> themselves (e.g. the system clock).</summary>
internal sealed class SleepDelay : IDelay
{
    public void Wait(int milliseconds)
    {
        if (milliseconds > 0)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
