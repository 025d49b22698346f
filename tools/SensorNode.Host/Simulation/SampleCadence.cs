using System;
using SensorNode.Core.Sensors;

namespace SensorNode.Host.Simulation;

/// <summary>
/// How often an always-on node with a DHT22 really samples (issue 17 item 8: `simulate --interval 1s` said 1 s and
/// sampled every 2 s). The core never reads the DHT22 twice within its minimum period (RetryPolicy.ForDht22, AM2302
/// datasheet: "collecting period should be &gt; 2 s"), so a shorter interval waits inside each sample and the node
/// samples at that period instead. The simulator prints the period used, not the one asked for.
/// </summary>
public static class SampleCadence
{
    /// <summary>The DHT22's minimum period between reads, whole seconds.</summary>
    public static int MinimumSeconds { get; } = (RetryPolicy.ForDht22().MinIntervalMilliseconds + 999) / 1000;

    /// <summary>The period at which samples are taken for a configured interval, seconds.</summary>
    public static int EffectiveSeconds(int configuredSeconds) => Math.Max(configuredSeconds, MinimumSeconds);

    /// <summary>
    /// Empty when samples come at the configured interval, else why they do not:
    /// " (asked 1 s: the DHT22 is read at most every 2 s, AM2302 datasheet)".
    /// </summary>
    public static string Note(int configuredSeconds) => configuredSeconds >= MinimumSeconds
        ? string.Empty
        : $" (asked {configuredSeconds} s: the DHT22 is read at most every {MinimumSeconds} s, AM2302 datasheet)";
}
