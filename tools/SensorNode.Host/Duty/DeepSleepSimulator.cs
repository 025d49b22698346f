using System;
using System.IO;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;
using SensorNode.Core.Simulation;
using SensorNode.Host.Storage;

namespace SensorNode.Host.Duty;

/// <summary>
/// Runs a deep-sleeping node for real cycles: every wake constructs the core afresh (a new
/// <see cref="DirectoryFileStore"/> over the --state directory, a new <see cref="WakeCycle"/>, a new
/// uplink from the factory), exactly as a device boots after deep sleep. Entry point for
/// `sensornode simulate --mode deep-sleep`: <see cref="Run"/>.
/// </summary>
public static class DeepSleepSimulator
{
    /// <summary>
    /// Runs <see cref="DeepSleepOptions.Wakes"/> wakes. <paramref name="source"/> is the outside world's
    /// sensors (it outlives boots); <paramref name="uplinkFactory"/> makes the radio of one boot on the
    /// given clock (return the same object for a simulated network that outlives boots).
    /// </summary>
    public static DeepSleepSummary Run(DeepSleepOptions options, IDeepSleepClock clock, ISampleSource source, Func<IDeepSleepClock, IUplink> uplinkFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.StateDirectory);
        var sleep = new SimulatedSleepController(WakeCause.PowerOn);
        var summary = new DeepSleepSummary();
        long startMilliseconds = clock.ElapsedMilliseconds;
        for (int wake = 0; wake < options.Wakes; wake++)
        {
            clock.Boot(options.BootOverheadMilliseconds);
            var store = new DirectoryFileStore(options.StateDirectory);
            (source as Sensors.IRebootingSource)?.Reboot(store);
            IUplink uplink = uplinkFactory(clock);
            long sentBefore = (uplink as ITrafficCounter)?.BytesSent ?? 0;
            var cycle = new WakeCycle(options.Config, clock, store, source, uplink, new SleepRelay(sleep));
            WakeReport report = cycle.Run();
            summary.ReadingsRetained = report.ReadingsRetained;
            Tally(summary, report, store, uplink, sentBefore);
            options.WakeLog?.WriteLine(Line(wake, clock.ElapsedMilliseconds - startMilliseconds, report));
            clock.Sleep(report.SleepMilliseconds);
            options.WakeDone?.Invoke(wake + 1, options.Wakes);
        }

        summary.Wakes = options.Wakes;
        summary.SimulatedMilliseconds = clock.ElapsedMilliseconds - startMilliseconds;
        return summary;
    }

    /// <summary>
    /// Runs on all-simulated time with a <see cref="SimulatedUplink"/> (configure outages, a silent
    /// broker, partial acks through <paramref name="configure"/>); speed 0 runs as fast as possible.
    /// </summary>
    public static DeepSleepSummary RunSimulated(DeepSleepOptions options, ISampleSource source, double speed, long? startUnixMilliseconds, Action<SimulatedUplink>? configure, out SimulatedUplink uplink)
    {
        var clock = new FakeDeepSleepClock(speed, startUnixMilliseconds);
        var network = new SimulatedUplink(clock.Clock);
        configure?.Invoke(network);
        uplink = network;
        return Run(options, clock, source, _ => network);
    }

    private static void Tally(DeepSleepSummary s, WakeReport r, DirectoryFileStore store, IUplink uplink, long sentBefore)
    {
        s.ReadingsStored += r.Sequence != 0 ? 1 : 0;
        s.ReadingsPublished += r.ReadingsAcknowledged;
        s.ReadingsDropped += r.ReadingsDropped;
        s.RadioSessions += r.RadioAttempted ? 1 : 0;
        s.FailedConnections += r.RadioAttempted && r.ConnectStatus != UplinkStatus.Ok ? 1 : 0;
        s.DeadlineHits += r.DeadlineHit ? 1 : 0;
        s.FlashBytesWritten += store.BytesWritten;
        s.FlashWrites += store.WriteCount;
        s.AwakeMilliseconds += r.AwakeMilliseconds;
        if (uplink is ITrafficCounter counter)
        {
            s.BytesSent = (s.BytesSent ?? 0) + counter.BytesSent - sentBefore;
        }
    }

    private static string Line(int wake, long elapsedMilliseconds, WakeReport r) =>
        $"wake {wake,5} t={elapsedMilliseconds / 1000.0,10:0.0}s seq={r.Sequence} cause={r.Cause} load={r.Load} " +
        $"reasons={r.Reasons} radio={(r.RadioAttempted ? r.ConnectStatus.ToString() : r.RadioDeferred ? "deferred" : "off")} " +
        $"acked={r.ReadingsAcknowledged} retained={r.ReadingsRetained} awake={r.AwakeMilliseconds}ms sleep={r.SleepMilliseconds}ms";

    /// <summary>Forwards to one controller that outlives boots (the chip's wake cause).</summary>
    private sealed class SleepRelay(SimulatedSleepController inner) : ISleepController
    {
        public WakeCause WakeCause => inner.WakeCause;

        public void DeepSleep(long milliseconds) => inner.DeepSleep(milliseconds);
    }
}
