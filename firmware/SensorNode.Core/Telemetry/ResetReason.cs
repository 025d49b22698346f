namespace SensorNode.Core.Telemetry
{
    /// <summary>Why the node last booted, as reported in health (docs/spec/mqtt.md §6). Never renumber.</summary>
    public enum ResetReason
    {
        /// <summary>Not known.</summary>
        Unknown = 0,

        /// <summary>Power applied.</summary>
        PowerOn = 1,

        /// <summary>Woke from deep sleep.</summary>
        DeepSleepWake = 2,

        /// <summary>Software reboot (command, update).</summary>
        Software = 3,

        /// <summary>A watchdog or the awake-time limit fired.</summary>
        Watchdog = 4,

        /// <summary>Supply voltage dropped.</summary>
        Brownout = 5,

        /// <summary>Unhandled fault.</summary>
        Panic = 6,
    }
}
