namespace SensorNode.Host.Storage;

/// <summary>A telemetry payload the core's decoder refused, kept aside with its reason (docs/spec/storage.md §4.4).</summary>
public sealed record MalformedBatch(long Id, string Node, string Topic, long ReceivedUnixMilliseconds, string Reason, byte[] Payload);
