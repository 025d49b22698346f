namespace SensorNode.Core.Telemetry
{
    /// <summary>The commands of docs/spec/mqtt.md §7.2. Never renumber.</summary>
    public enum CommandKind
    {
        /// <summary>No command was parsed.</summary>
        None = 0,

        /// <summary>"set_interval": seconds between samples.</summary>
        SetInterval = 1,

        /// <summary>"set_thresholds": anomaly threshold on |z|.</summary>
        SetThresholds = 2,

        /// <summary>"set_windows": filter windows.</summary>
        SetWindows = 3,

        /// <summary>"reboot".</summary>
        Reboot = 4,

        /// <summary>"identify": blink the LED.</summary>
        Identify = 5,

        /// <summary>"ota": fetch and install an update.</summary>
        Ota = 6,
    }
}
