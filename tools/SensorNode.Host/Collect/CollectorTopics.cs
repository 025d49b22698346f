using System;
using SensorNode.Host.Storage;

namespace SensorNode.Host.Collect;

/// <summary>The topic filters a collector subscribes to and how a topic maps to (node, kind) (mqtt.md §2).</summary>
public static class CollectorTopics
{
    private static readonly (string Suffix, TopicKind Kind)[] Kinds =
    {
        ("telemetry", TopicKind.Telemetry),
        ("status", TopicKind.Status),
        ("state", TopicKind.State),
        ("health", TopicKind.Health),
    };

    /// <summary><c>&lt;prefix&gt;/+/telemetry</c> and friends, each under <c>$share/&lt;group&gt;/</c> when a group is given.</summary>
    public static string[] Filters(string prefix, string? shareGroup)
    {
        var filters = new string[Kinds.Length];
        for (int i = 0; i < Kinds.Length; i++)
        {
            string topic = $"{prefix}/+/{Kinds[i].Suffix}";
            filters[i] = shareGroup == null ? topic : $"$share/{shareGroup}/{topic}";
        }

        return filters;
    }

    /// <summary>Node and kind of a topic under <paramref name="prefix"/>; false for any other topic.</summary>
    public static bool TryParse(string prefix, string topic, out string node, out TopicKind kind)
    {
        node = string.Empty;
        kind = TopicKind.Telemetry;
        if (!topic.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            return false;
        }

        string[] parts = topic.Substring(prefix.Length + 1).Split('/');
        if (parts.Length != 2 || parts[0].Length == 0)
        {
            return false;
        }

        foreach ((string suffix, TopicKind k) in Kinds)
        {
            if (parts[1] == suffix)
            {
                node = parts[0];
                kind = k;
                return true;
            }
        }

        return false;
    }
}
