using System.Globalization;
using System.IO;

namespace SensorNode.Host.Duty;

/// <summary>Per-run figures of a deep-sleep simulation (issue 4 §5).</summary>
public sealed class DeepSleepSummary
{
    public int Wakes { get; set; }

    /// <summary>Wakes that attempted a connection.</summary>
    public int RadioSessions { get; set; }

    /// <summary>Connection attempts that failed.</summary>
    public int FailedConnections { get; set; }

    /// <summary>Readings sampled and stored in this run.</summary>
    public int ReadingsStored { get; set; }

    /// <summary>Readings acknowledged by the broker in this run (duplicates after a cut included).</summary>
    public int ReadingsPublished { get; set; }

    /// <summary>Readings evicted (or discarded with a corrupt state) during this run.</summary>
    public int ReadingsDropped { get; set; }

    /// <summary>Readings still waiting in flash at the end.</summary>
    public int ReadingsRetained { get; set; }

    /// <summary>Wakes that reached the awake deadline.</summary>
    public int DeadlineHits { get; set; }

    /// <summary>Bytes the uplink sent, or null when it cannot count them.</summary>
    public long? BytesSent { get; set; }

    /// <summary>Bytes written to the node's flash (appends and rewrites).</summary>
    public long FlashBytesWritten { get; set; }

    /// <summary>Flash write operations.</summary>
    public int FlashWrites { get; set; }

    /// <summary>Simulated time covered, in milliseconds.</summary>
    public long SimulatedMilliseconds { get; set; }

    /// <summary>Total awake time, in milliseconds (simulated or real, as the clock counts it).</summary>
    public long AwakeMilliseconds { get; set; }

    public double? BytesSentPerReading => BytesSent is long b && ReadingsPublished > 0 ? (double)b / ReadingsPublished : null;

    public double FlashBytesPerReading => ReadingsStored > 0 ? (double)FlashBytesWritten / ReadingsStored : 0;

    /// <summary>Writes the summary as an aligned two-column table.</summary>
    public void WriteTable(TextWriter w)
    {
        foreach ((string name, string value) in Rows())
        {
            Row(w, name, value);
        }
    }

    /// <summary>The summary's (figure, value) rows, in the order of <see cref="WriteTable"/>.</summary>
    public (string Name, string Value)[] Rows()
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        return new[]
        {
            ("wakes", Wakes.ToString(c)),
            ("simulated time", (SimulatedMilliseconds / 3600000.0).ToString("0.00", c) + " h"),
            ("radio sessions", RadioSessions.ToString(c) + " (" + FailedConnections.ToString(c) + " failed)"),
            ("readings stored", ReadingsStored.ToString(c)),
            ("readings published", ReadingsPublished.ToString(c)),
            ("readings dropped", ReadingsDropped.ToString(c)),
            ("readings retained", ReadingsRetained.ToString(c)),
            ("deadline hits", DeadlineHits.ToString(c)),
            ("bytes sent / reading", BytesSentPerReading is double b ? b.ToString("0.0", c) : BytesSent == null ? "n/a (uplink does not count bytes)" : "n/a (nothing published)"),
            ("flash bytes / reading", FlashBytesPerReading.ToString("0.0", c) + " (" + FlashWrites.ToString(c) + " writes)"),
            ("mean awake per wake", (Wakes > 0 ? AwakeMilliseconds / (double)Wakes : 0).ToString("0", c) + " ms"),
        };
    }

    private static void Row(TextWriter w, string name, string value) => w.WriteLine($"  {name,-22} {value}");
}
