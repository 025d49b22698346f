using SensorNode.Host.Mqtt;

namespace SensorNode.Host.Collect;

/// <summary>How `sensornode collect` connects and batches (docs/spec/storage.md §4.1).</summary>
public sealed class CollectorOptions
{
    /// <summary>Default MQTT client id: fixed, so that the broker keeps the collector's session between runs.</summary>
    public const string DefaultClientId = "sensornode-collector";

    /// <summary>Broker, TLS material.</summary>
    public required MqttEndpoint Endpoint { get; init; }

    /// <summary>MQTT user name, or null.</summary>
    public string? Username { get; init; }

    /// <summary>MQTT password, or null.</summary>
    public string? Password { get; init; }

    /// <summary>Topic prefix of the fleet (mqtt.md §1).</summary>
    public string Prefix { get; init; } = "sensornode";

    /// <summary>MQTT client id; every collector needs its own (the broker keeps one session per id).</summary>
    public string ClientId { get; init; } = DefaultClientId;

    /// <summary>Shared-subscription group (<c>$share/GROUP/...</c>), or null for a plain subscription.</summary>
    public string? ShareGroup { get; init; }

    /// <summary>Most messages stored in one transaction; also the MQTT 5 receive maximum (unacknowledged messages in flight).</summary>
    public int MaxMessagesPerTransaction { get; init; } = 1000;

    /// <summary>How long the broker keeps the session (subscriptions and queued messages) while the collector is away, seconds.</summary>
    public uint SessionExpirySeconds { get; init; } = 7 * 24 * 3600;
}
