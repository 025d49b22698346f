using SensorNode.Host.Storage;

namespace SensorNode.Cli.Commands;

/// <summary>Typed options of `sensornode export` (the argument parser fills them; <see cref="ExportCommand"/> runs them).</summary>
internal sealed record ExportSettings(string Db, string Node, StorageChannel Channel, long FromUnixMilliseconds, long ToUnixMilliseconds, string? Output);
