using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SensorNode.Cli.Monitor;

/// <summary>What the monitor knows about one node: its last status, state and health, and recent values.</summary>
internal sealed class NodeState
{
    public NodeState(string id, int historyLength)
    {
        Id = id;
        HistoryLength = historyLength;
    }

    public string Id { get; }

    public int HistoryLength { get; }

    public string Status { get; set; } = MqttContract.Unknown;

    /// <summary>Latest state fields by canonical key (cloned JSON values, as received).</summary>
    public Dictionary<string, JsonElement> State { get; } = new(StringComparer.Ordinal);

    /// <summary>Latest health fields by canonical key.</summary>
    public Dictionary<string, JsonElement> Health { get; } = new(StringComparer.Ordinal);

    /// <summary>Latest sleep announcement fields (next_wake, sleep_s) by key.</summary>
    public Dictionary<string, JsonElement> Sleep { get; } = new(StringComparer.Ordinal);

    /// <summary>Recent numeric values per channel, oldest first, at most <see cref="HistoryLength"/>.</summary>
    public Dictionary<string, List<double>> History { get; } = new(StringComparer.Ordinal);

    /// <summary>The latest update report (retained &lt;base&gt;/ota), empty when the node never reported one.</summary>
    public Dictionary<string, JsonElement> Ota { get; } = new(StringComparer.Ordinal);

    /// <summary>Payloads that could not be read, by topic kind (e.g. "state is not a JSON object").</summary>
    public Dictionary<string, string> PayloadErrors { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset LastMessage { get; set; }

    public bool? Anomaly => State.TryGetValue(MqttContract.Anomaly.Key, out JsonElement e) ? Json.AsBool(e) : null;

    public void Remember(string channel, double value)
    {
        if (!History.TryGetValue(channel, out List<double>? list))
        {
            list = new List<double>(HistoryLength);
            History[channel] = list;
        }

        if (list.Count == HistoryLength)
        {
            list.RemoveAt(0);
        }

        list.Add(value);
    }
}
