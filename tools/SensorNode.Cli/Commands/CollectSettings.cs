using SensorNode.Host.Mqtt;

namespace SensorNode.Cli.Commands;

/// <summary>Typed options of `sensornode collect` (the argument parser fills them; <see cref="CollectCommand"/> runs them).</summary>
internal sealed record CollectSettings
{
    /// <summary>Broker and TLS files; null only with <see cref="ShowGaps"/>.</summary>
    public MqttEndpoint? Broker { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string Prefix { get; init; } = "sensornode";

    /// <summary>SQLite file or postgres:// URL.</summary>
    public string Db { get; init; } = "readings.db";

    public string ClientId { get; init; } = Host.Collect.CollectorOptions.DefaultClientId;

    /// <summary>Shared-subscription group, or null.</summary>
    public string? Share { get; init; }

    /// <summary>Most messages per transaction (and MQTT 5 receive maximum), 1..65535.</summary>
    public int Batch { get; init; } = 1000;

    /// <summary>Print the recorded gaps (and malformed batches) and exit instead of collecting.</summary>
    public bool ShowGaps { get; init; }

    /// <summary>With <see cref="ShowGaps"/>: only this node.</summary>
    public string? Node { get; init; }
}
