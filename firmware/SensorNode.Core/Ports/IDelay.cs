namespace SensorNode.Core.Ports
{
    /// <summary>
    /// Blocking waits for sensor timing (conversion times, minimum intervals between reads). On the device
    /// Thread.Sleep; in simulation it advances a simulated clock, so tests never wait for real.
    /// </summary>
    public interface IDelay
    {
        /// <summary>Waits at least <paramref name="milliseconds"/> (0 returns at once).</summary>
        void Wait(int milliseconds);
    }
}
