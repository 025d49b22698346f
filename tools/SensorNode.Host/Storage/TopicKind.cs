namespace SensorNode.Host.Storage;

/// <summary>The node topics the collector subscribes to (docs/spec/mqtt.md §2). Persisted as text: never rename.</summary>
public enum TopicKind
{
    /// <summary><c>&lt;base&gt;/telemetry</c>: a binary batch of readings, stored row by row.</summary>
    Telemetry,

    /// <summary><c>&lt;base&gt;/status</c>: online, offline or sleeping.</summary>
    Status,

    /// <summary><c>&lt;base&gt;/state</c>: the latest values as JSON.</summary>
    State,

    /// <summary><c>&lt;base&gt;/health</c>: health JSON.</summary>
    Health,
}
