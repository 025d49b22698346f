namespace SensorNode.Host.Storage;

/// <summary>One MQTT message for the store: its topic, the node it came from, its payload and when it arrived (Unix ms UTC).</summary>
public sealed record TelemetryMessage(string Topic, string Node, TopicKind Kind, byte[] Payload, long ReceivedUnixMilliseconds);
