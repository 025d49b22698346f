using SensorNode.Core.Duty;

namespace SensorNode.Host.Duty;

/// <summary>Everything the power and wear model needs; defaults and their sources are in docs/power.md.</summary>
public sealed record PowerInputs
{
    public int IntervalSeconds { get; init; } = 300;

    public int PublishEvery { get; init; } = 12;

    public int MaxLatencySeconds { get; init; } = 3600;

    /// <summary>Forced radio session period for commands/updates, seconds (0 = none).</summary>
    public int CommandWindowSeconds { get; init; } = 3600;

    public BoardProfile Board { get; init; } = new();

    /// <summary>Sampling and storing a reading (sensor conversion, filters, one flash append), milliseconds.</summary>
    public double SampleMilliseconds { get; init; } = 100;

    /// <summary>MQTT CONNECT, publishes with their PUBACKs and DISCONNECT on a LAN, milliseconds.</summary>
    public double MqttMilliseconds { get; init; } = 150;

    /// <summary>Listening for commands per radio session, milliseconds (NodeConfig.CommandListenMilliseconds).</summary>
    public double CommandListenMilliseconds { get; init; } = 500;

    public double BatteryMilliampHours { get; init; } = 2500;

    /// <summary>Share of the rated capacity usable before the regulator drops out (self-discharge, cut-off).</summary>
    public double UsableFraction { get; init; } = 0.8;

    public int FlashPartitionKilobytes { get; init; } = 256;

    public int FlashEraseCycles { get; init; } = 100_000;

    public int FlashBlockBytes { get; init; } = 4096;

    /// <summary>Bytes of a LittleFS metadata commit per append (tags, CRC, padding to the program size).</summary>
    public int MetadataBytesPerCommit { get; init; } = 64;

    public int ReadingRecordBytes { get; init; } = RetainedCodec.ReadingSize;

    public int CheckpointRecordBytes { get; init; } = RetainedCodec.CheckpointSize;

    /// <summary>Moving-average window (node.json averageWindow): with the z window, sizes the filter state kept across sleep.</summary>
    public int AverageWindow { get; init; } = 8;

    /// <summary>Z-score window (node.json zWindow).</summary>
    public int ZWindow { get; init; } = 32;

    /// <summary>Bytes of filters.bin, replaced once per wake (docs/spec/signal-chain.md §8).</summary>
    public int FilterStateBytes => SensorNode.Core.Sensors.FilterStateFile.MaxLength(System.Math.Max(AverageWindow, ZWindow), SensorNode.Core.Sensors.SampleRecord.ChannelCount);
}
