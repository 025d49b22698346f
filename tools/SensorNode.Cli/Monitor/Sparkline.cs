using System.Collections.Generic;
using System.Linq;

namespace SensorNode.Cli.Monitor;

/// <summary>Eight-level block sparklines (▁..█) scaled between the series' own minimum and maximum.</summary>
internal static class Sparkline
{
    private const string Levels = "▁▂▃▄▅▆▇█";

    public static string Render(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return string.Empty;
        }

        double min = values.Min();
        double max = values.Max();
        var chars = new char[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            int level = max > min ? (int)((values[i] - min) / (max - min) * (Levels.Length - 1) + 0.5) : Levels.Length / 2;
            chars[i] = Levels[level];
        }

        return new string(chars);
    }
}
