namespace SensorNode.Cli.Monitor;

/// <summary>
/// The MQTT contract as `sensornode monitor` reads it, in one place so it can be aligned with
/// docs/spec/mqtt.md: topics `&lt;prefix&gt;/&lt;node-id&gt;/{status,state,health}`, the status words, and
/// the JSON keys of state and health. Each field lists its canonical key first, then tolerated aliases.
/// </summary>
internal static class MqttContract
{
    public const string DefaultPrefix = "sensornode";

    public const string StatusTopic = "status";
    public const string StateTopic = "state";
    public const string HealthTopic = "health";

    public const string Online = "online";
    public const string Offline = "offline";
    public const string Sleeping = "sleeping";

    /// <summary>Shown when a node has published nothing on its status topic.</summary>
    public const string Unknown = "unknown";

    /// <summary>Numeric state channels, shown with their latest value and a sparkline.</summary>
    public static readonly MqttField[] Channels =
    {
        new("temperature", "temp_c"),
        new("humidity", "humidity_pct"),
        new("pressure", "pressure_hpa"),
        new("vibration_rms"),
        new("crest_factor"),
    };

    public static readonly MqttField Anomaly = new("anomaly");
    public static readonly MqttField Seq = new("seq");
    public static readonly MqttField Timestamp = new("timestamp", "ts");

    public static readonly MqttField BootCount = new("boot_count");
    public static readonly MqttField ResetReason = new("reset_reason");
    public static readonly MqttField Uptime = new("uptime_s", "uptime");
    public static readonly MqttField Rssi = new("rssi_dbm", "rssi");
    public static readonly MqttField FreeMemory = new("free_memory_bytes", "free_memory", "free_heap");
    public static readonly MqttField SensorErrors = new("sensor_errors");
    public static readonly MqttField BufferFill = new("buffer_fill_percent", "buffer_fill");
    public static readonly MqttField Dropped = new("dropped");
    public static readonly MqttField FirmwareVersion = new("firmware_version", "fw_version");
    public static readonly MqttField ConfigVersion = new("config_version");

    /// <summary>Health fields in the order they are shown and written to JSON.</summary>
    public static readonly MqttField[] Health =
    {
        BootCount, ResetReason, Uptime, Rssi, FreeMemory, SensorErrors, BufferFill, Dropped, FirmwareVersion, ConfigVersion,
    };
}
