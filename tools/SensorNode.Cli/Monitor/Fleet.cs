using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace SensorNode.Cli.Monitor;

/// <summary>
/// Every node seen under one topic prefix, updated from MQTT messages. Thread-safe: messages arrive on
/// the MQTT client's thread while the view reads a snapshot. Bad payloads never throw; they are recorded
/// on the node and shown as warnings.
/// </summary>
internal sealed class Fleet
{
    private readonly object _gate = new();
    private readonly Dictionary<string, NodeState> _nodes = new(StringComparer.Ordinal);
    private readonly string _prefix;
    private readonly int _historyLength;

    public Fleet(string prefix, int historyLength)
    {
        _prefix = prefix.TrimEnd('/');
        _historyLength = historyLength;
    }

    public string Prefix => _prefix;

    /// <summary>Topic filters to subscribe to.</summary>
    public string[] TopicFilters => new[]
    {
        $"{_prefix}/+/{MqttContract.StatusTopic}",
        $"{_prefix}/+/{MqttContract.StateTopic}",
        $"{_prefix}/+/{MqttContract.HealthTopic}",
        $"{_prefix}/+/{MqttContract.SleepTopic}",
        $"{_prefix}/+/{MqttContract.OtaTopic}",
    };

    /// <summary>Applies one message; returns false when the topic is not a node topic under the prefix.</summary>
    public bool Apply(string topic, byte[] payload, DateTimeOffset receivedAt)
    {
        if (!topic.StartsWith(_prefix + "/", StringComparison.Ordinal))
        {
            return false;
        }

        string[] parts = topic.Substring(_prefix.Length + 1).Split('/');
        if (parts.Length != 2 || parts[0].Length == 0)
        {
            return false;
        }

        lock (_gate)
        {
            if (!_nodes.TryGetValue(parts[0], out NodeState? node))
            {
                node = new NodeState(parts[0], _historyLength);
                _nodes[parts[0]] = node;
            }

            node.LastMessage = receivedAt;
            switch (parts[1])
            {
                case MqttContract.StatusTopic:
                    node.Status = Encoding.UTF8.GetString(payload).Trim().ToLowerInvariant();
                    return true;
                case MqttContract.StateTopic:
                    ApplyState(node, payload);
                    return true;
                case MqttContract.HealthTopic:
                    ApplyFields(node, MqttContract.HealthTopic, payload, MqttContract.Health, node.Health);
                    return true;
                case MqttContract.SleepTopic:
                    ApplyFields(node, MqttContract.SleepTopic, payload, MqttContract.Sleep, node.Sleep);
                    return true;
                case MqttContract.OtaTopic:
                    ApplyFields(node, MqttContract.OtaTopic, payload, MqttContract.Ota, node.Ota);
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Runs <paramref name="read"/> on the nodes, sorted by id, while no message can change them.</summary>
    public T Read<T>(Func<IReadOnlyList<NodeState>, T> read)
    {
        lock (_gate)
        {
            return read(_nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList());
        }
    }

    private static void ApplyState(NodeState node, byte[] payload)
    {
        if (!TryParseObject(node, MqttContract.StateTopic, payload, out JsonElement obj))
        {
            return;
        }

        node.State.Clear();
        foreach (MqttField channel in MqttContract.Channels)
        {
            if (channel.TryRead(obj, out JsonElement value))
            {
                node.State[channel.Key] = value.Clone();
                if (Json.AsNumber(value) is double number)
                {
                    node.Remember(channel.Key, number);
                }
            }
        }

        foreach (MqttField field in new[] { MqttContract.Anomaly, MqttContract.Seq, MqttContract.Timestamp })
        {
            if (field.TryRead(obj, out JsonElement value))
            {
                node.State[field.Key] = value.Clone();
            }
        }
    }

    private static void ApplyFields(NodeState node, string kind, byte[] payload, MqttField[] fields, Dictionary<string, JsonElement> target)
    {
        if (!TryParseObject(node, kind, payload, out JsonElement obj))
        {
            return;
        }

        target.Clear();
        foreach (MqttField field in fields)
        {
            if (field.TryRead(obj, out JsonElement value))
            {
                target[field.Key] = value.Clone();
            }
        }
    }

    private static bool TryParseObject(NodeState node, string kind, byte[] payload, out JsonElement obj)
    {
        obj = default;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(payload);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                node.PayloadErrors[kind] = $"{kind} payload is not a JSON object";
                return false;
            }

            obj = doc.RootElement.Clone();
            node.PayloadErrors.Remove(kind);
            return true;
        }
        catch (JsonException)
        {
            node.PayloadErrors[kind] = $"{kind} payload is not valid JSON";
            return false;
        }
    }
}
