using System.Threading;
using SensorNode.Core.Ports;

namespace SensorNode.Device.Platform
{
    /// <summary><see cref="IDelay"/> as Thread.Sleep: the sensor waits are short (ms to 2 s), so light sleep is not worth it.</summary>
    public sealed class ThreadDelay : IDelay
    {
        /// <inheritdoc />
        public void Wait(int milliseconds)
        {
            if (milliseconds > 0)
            {
                Thread.Sleep(milliseconds);
            }
        }
    }
}
