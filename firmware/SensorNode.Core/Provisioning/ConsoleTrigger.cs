namespace SensorNode.Core.Provisioning
{
    /// <summary>When the device enters its provisioning console at boot (docs/spec/provisioning.md §7).</summary>
    public static class ConsoleTrigger
    {
        /// <summary>After a cold boot, a BREAK or frame on the console UART within this window requests the console, in milliseconds.</summary>
        public const int SerialWindowMilliseconds = 3000;

        /// <summary>True when the console must run: no configuration, the button held at boot, or a serial request in the window.</summary>
        public static bool ShouldRun(ConfigLoadStatus load, bool buttonHeldAtBoot, bool serialRequestInWindow)
        {
            return load == ConfigLoadStatus.Unprovisioned || buttonHeldAtBoot || serialRequestInWindow;
        }

        /// <summary>True when the serial window must be watched: only on a cold boot (power-on or reset), never on a deep-sleep wake, whose energy it would cost.</summary>
        public static bool WatchSerialWindow(ConfigLoadStatus load, bool buttonHeldAtBoot, bool coldBoot)
        {
            return coldBoot && load != ConfigLoadStatus.Unprovisioned && !buttonHeldAtBoot;
        }
    }
}
