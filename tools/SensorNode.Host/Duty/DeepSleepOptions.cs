using SensorNode.Core.Config;

namespace SensorNode.Host.Duty;

/// <summary>What a deep-sleep simulation runs: the node's config, where its flash lives, how long and how fast.</summary>
public sealed class DeepSleepOptions
{
    /// <summary>Directory holding the node's flash (the retained log); reused runs continue from it.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The node's configuration (interval, PublishEvery, MaxLatencySeconds, budget, capacity...).</summary>
    public NodeConfig Config { get; init; } = new() { Mode = NodeMode.DeepSleep };

    /// <summary>Wakes to run.</summary>
    public int Wakes { get; init; } = 100;

    /// <summary>Time from timer to runtime start that the simulated chip really takes, in milliseconds.</summary>
    public int BootOverheadMilliseconds { get; init; } = 300;

    /// <summary>Optional line per wake (null = quiet).</summary>
    public System.IO.TextWriter? WakeLog { get; init; }

    /// <summary>Optional report after each wake: (wakes done, wakes to run), for a progress bar.</summary>
    public System.Action<int, int>? WakeDone { get; init; }
}
