namespace SensorNode.Core.Ports
{
    /// <summary>
    /// Deep sleep and the cause of the current boot. On the ESP32 (Sleep.EnableWakeupByTimer +
    /// StartDeepSleep) <see cref="DeepSleep"/> never returns: the chip resets on wake and the
    /// application boots again. Simulations return from it and boot a fresh core.
    /// </summary>
    public interface ISleepController
    {
        /// <summary>Why this boot happened.</summary>
        WakeCause WakeCause { get; }

        /// <summary>Deep-sleeps for the given time (at least 1 ms); on the device this does not return.</summary>
        void DeepSleep(long milliseconds);
    }
}
