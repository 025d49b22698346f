using System;

namespace SensorNode.Host.Duty;

/// <summary>
/// Average current, battery life and flash wear of a deep-sleeping node (docs/power.md). Each wake boots
/// and samples at the active current; a radio wake adds Wi-Fi, TLS, MQTT and command listening at the
/// radio current; the rest of the day is deep sleep. The radio period follows the wake cycle's rules
/// (Duty/PublishPolicy): every min(PublishEvery, ceil(MaxLatency / interval), ceil(CommandWindow / interval)) wakes.
/// </summary>
public static class PowerModel
{
    public const double SecondsPerDay = 86400;

    /// <summary>Estimates the configuration as given.</summary>
    public static PowerEstimate Estimate(PowerInputs p) => Estimate(p, RadioPeriodWakes(p));

    /// <summary>Estimates the same node publishing on every wake (ESPHome/Tasmota deep-sleep style).</summary>
    public static PowerEstimate EstimateEveryWake(PowerInputs p) => Estimate(p, 1);

    /// <summary>Wakes between radio sessions under the publish policy.</summary>
    public static int RadioPeriodWakes(PowerInputs p)
    {
        int k = Math.Max(1, p.PublishEvery);
        k = Math.Min(k, CeilDiv(p.MaxLatencySeconds, p.IntervalSeconds));
        if (p.CommandWindowSeconds > 0)
        {
            k = Math.Min(k, CeilDiv(p.CommandWindowSeconds, p.IntervalSeconds));
        }

        return Math.Max(1, k);
    }

    private static PowerEstimate Estimate(PowerInputs p, int radioEvery)
    {
        BoardProfile b = p.Board;
        double wakes = SecondsPerDay / p.IntervalSeconds;
        double radioWakes = wakes / radioEvery;
        double sampleWake = b.BootMilliseconds + p.SampleMilliseconds;
        double radioSession = b.WifiConnectMilliseconds + b.TlsHandshakeMilliseconds + p.MqttMilliseconds + p.CommandListenMilliseconds;
        double awakeSeconds = ((wakes * sampleWake) + (radioWakes * radioSession)) / 1000;
        double charge = (wakes * sampleWake / 1000 * b.ActiveCurrentMilliamps)
            + (radioWakes * radioSession / 1000 * b.TxCurrentMilliamps)
            + ((SecondsPerDay - awakeSeconds) * b.SleepCurrentMicroamps / 1000);
        double average = charge / SecondsPerDay;
        double days = p.BatteryMilliampHours * p.UsableFraction / average / 24;

        // Writes: one append per wake (reading + checkpoint), one more per radio session (checkpoint), and one
        // Replace per wake of the filter state (signal-chain.md §8).
        double appends = wakes + radioWakes;
        double writes = appends + wakes;
        double data = (wakes * (p.ReadingRecordBytes + p.CheckpointRecordBytes + p.FilterStateBytes)) + (radioWakes * p.CheckpointRecordBytes);

        // Worst case for LittleFS: each append copies the file's partly filled last block (on average half a block),
        // each Replace writes the file into a fresh block (a whole block), and every write commits metadata.
        double programmed = (wakes * (p.ReadingRecordBytes + p.CheckpointRecordBytes)) + (radioWakes * p.CheckpointRecordBytes)
            + (appends * ((p.FlashBlockBytes / 2.0) + p.MetadataBytesPerCommit))
            + (wakes * (p.FlashBlockBytes + p.MetadataBytesPerCommit));
        double years = (double)p.FlashPartitionKilobytes * 1024 * p.FlashEraseCycles / programmed / 365.25;
        return new PowerEstimate(wakes, radioEvery, radioWakes, sampleWake, radioSession, charge, average, days, writes, data, programmed, years);
    }

    private static int CeilDiv(int a, int b) => (int)Math.Max(1, ((long)a + b - 1) / b);
}
