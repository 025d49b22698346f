namespace SensorNode.Cli.Monitor;

/// <summary>
/// The MQTT contract as `sensornode monitor` reads it, in one place so it can be aligned with
/// docs/spec/mqtt.md: topics `&lt;prefix&gt;/&lt;node-id&gt;/{status,sleep,state,health}` (§2), the status words
/// (§3.1), and the JSON keys of sleep (§3.2), state (§4) and health (§6). Each field lists its spec key
/// first (the key `monitor --json` writes), then tolerated aliases.
/// </summary>
internal static class MqttContract
{
    public const string DefaultPrefix = "sensornode";

    public const string StatusTopic = "status";
    public const string StateTopic = "state";
    public const string HealthTopic = "health";
    public const string SleepTopic = "sleep";
    public const string OtaTopic = "ota";

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

    public static readonly MqttField Level = new("level");
    public static readonly MqttField BootCount = new("boot_count");
    public static readonly MqttField ResetReason = new("reset_reason");
    public static readonly MqttField Uptime = new("uptime_s", "uptime");
    public static readonly MqttField Rssi = new("rssi_dbm", "rssi");
    public static readonly MqttField FreeMemory = new("free_memory_bytes", "free_memory", "free_heap");
    public static readonly MqttField SensorErrors = new("sensor_errors");

    /// <summary>Unpublished readings held (a count, not a percentage; spec §6).</summary>
    public static readonly MqttField BufferFill = new("buffer_fill");

    /// <summary>Room for readings; with <see cref="BufferFill"/> gives how full the buffer is.</summary>
    public static readonly MqttField BufferCapacity = new("buffer_capacity");

    public static readonly MqttField Dropped = new("readings_dropped", "dropped");
    public static readonly MqttField FirmwareVersion = new("firmware_version", "fw_version");
    public static readonly MqttField ConfigVersion = new("config_version");

    /// <summary>Health fields in the spec's order, as shown and written to JSON.</summary>
    public static readonly MqttField[] Health =
    {
        Level, BootCount, ResetReason, Uptime, Rssi, FreeMemory, SensorErrors, BufferFill, BufferCapacity, Dropped, FirmwareVersion, ConfigVersion,
    };

    /// <summary>Unix ms when a sleeping node expects to wake next (null when its clock is not set).</summary>
    public static readonly MqttField NextWake = new("next_wake");

    /// <summary>Planned sleep, seconds.</summary>
    public static readonly MqttField SleepSeconds = new("sleep_s");

    /// <summary>Sleep fields, as written to JSON.</summary>
    public static readonly MqttField[] Sleep = { NextWake, SleepSeconds };

    /// <summary>Update step: downloading, verifying, trial, confirmed, rejected, rolled_back (§11.2).</summary>
    public static readonly MqttField OtaState = new("state");

    public static readonly MqttField OtaVersion = new("version");
    public static readonly MqttField OtaPercent = new("percent");
    public static readonly MqttField OtaBytes = new("bytes");
    public static readonly MqttField OtaTotalBytes = new("total_bytes");
    public static readonly MqttField OtaReason = new("reason");
    public static readonly MqttField OtaRunning = new("running");

    /// <summary>Update report fields in the spec's order, as written to JSON.</summary>
    public static readonly MqttField[] Ota = { OtaState, OtaVersion, OtaPercent, OtaBytes, OtaTotalBytes, OtaReason, OtaRunning };
}
