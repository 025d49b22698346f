using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Duty;
using SensorNode.Core.Simulation;
using SensorNode.Host.Duty;
using SensorNode.Host.Storage;

namespace SensorNode.Tests.Duty;

[TestClass]
public sealed class DeepSleepSimulatorTests
{
    private string _dir = "";

    [TestInitialize]
    public void Init() => _dir = Directory.CreateTempSubdirectory("sensornode-duty-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    private DeepSleepOptions Options(int wakes, int publishEvery, int capacity = 256, int maxLatencySeconds = 3600) => new()
    {
        StateDirectory = _dir,
        Wakes = wakes,
        Config = new NodeConfig
        {
            Mode = NodeMode.DeepSleep,
            SampleIntervalSeconds = 300,
            PublishEvery = publishEvery,
            MaxLatencySeconds = maxLatencySeconds,
            RetainedCapacityReadings = capacity,
            CommandWindowSeconds = 0,
        },
    };

    [TestMethod]
    public void Batching_OneRadioSessionPerBatch_FlashAndBytesPerReadingReported()
    {
        var source = new RampSampleSource();
        DeepSleepSummary s = DeepSleepSimulator.RunSimulated(Options(49, 12), source, 0, null, null, out SimulatedUplink uplink);
        Assert.AreEqual(49, s.ReadingsStored);
        Assert.AreEqual(5, s.RadioSessions, "first boot + one per 12 readings");
        Assert.AreEqual(49, s.ReadingsPublished);
        Assert.AreEqual(0, s.ReadingsDropped);
        Assert.AreEqual(0, s.ReadingsRetained);

        // Hand count: 14 (header, once) + 49 x (44 + 72) (reading + checkpoint per wake) + 5 x 72
        // (checkpoint after each radio session) = 6,058 bytes in 54 appends; the log never reaches the
        // 6,102-byte compaction threshold at a boot, so nothing else is written.
        Assert.AreEqual(6_058L, s.FlashBytesWritten);
        Assert.AreEqual(54, s.FlashWrites);
        Assert.AreEqual(6_058.0 / 49, s.FlashBytesPerReading, 1e-9);
        Assert.AreEqual((double)uplink.BytesSent / 49, s.BytesSentPerReading!.Value, 1e-9);
        CollectionAssert.AreEqual(Enumerable.Range(1, 49).Select(i => (uint)i).ToArray(), uplink.Published.Cast<uint>().ToArray());
    }

    [TestMethod]
    public void LongRun_CompactionKeepsTheStateSmall()
    {
        var source = new RampSampleSource();
        DeepSleepSummary s = DeepSleepSimulator.RunSimulated(Options(300, 12), source, 0, null, null, out _);
        Assert.AreEqual(289, s.ReadingsPublished, "first boot, then wakes 13, 25, ..., 289");
        Assert.AreEqual(11, s.ReadingsRetained);
        long length = new FileInfo(Path.Combine(_dir, ReadingLog.LogName)).Length;
        Assert.IsTrue(length < ReadingLog.CompactThresholdBytes(12) + RetainedCodec.ReadingSize + (2 * RetainedCodec.CheckpointSize), length.ToString());
        Assert.IsTrue(s.FlashBytesPerReading < 140, "compaction adds little while the broker is up: " + s.FlashBytesPerReading);
    }

    [TestMethod]
    public void EveryWakeIsAFreshBoot_ASecondRunContinuesTheSequence()
    {
        var source = new RampSampleSource();
        DeepSleepSimulator.RunSimulated(Options(10, 100), source, 0, null, null, out _);
        DeepSleepSummary second = DeepSleepSimulator.RunSimulated(Options(5, 100, maxLatencySeconds: 100000), source, 0, null, null, out SimulatedUplink uplink);
        // First run: seq 1 published at its first boot, 2..10 retained. The second run powers on: it
        // stores seq 11 and its first-boot publish sends 2..11; then 12..15 stay retained.
        Assert.AreEqual(10, second.ReadingsPublished);
        CollectionAssert.AreEqual(Enumerable.Range(2, 10).Select(i => (uint)i).ToArray(), uplink.Published.Cast<uint>().ToArray());
        Assert.AreEqual(4, second.ReadingsRetained);
    }

    [TestMethod]
    public void BrokerDown_ReadingsKeptBelowCapacity_DroppedAboveAreCounted()
    {
        var source = new RampSampleSource();
        DeepSleepSummary below = DeepSleepSimulator.RunSimulated(Options(60, 1, capacity: 256), source, 0, null, u => u.FailConnects = 6, out SimulatedUplink up1);
        Assert.AreEqual(0, below.ReadingsDropped);
        Assert.AreEqual(60, below.ReadingsPublished);
        Assert.IsTrue(below.RadioSessions < 60, "backoff spaced the attempts: " + below.RadioSessions);
        Assert.AreEqual(6, below.FailedConnections);

        Directory.Delete(_dir, true);
        Directory.CreateDirectory(_dir);
        DeepSleepSummary above = DeepSleepSimulator.RunSimulated(Options(60, 1, capacity: 5), source, 0, null, u => u.FailConnects = 8, out SimulatedUplink up2);
        Assert.IsTrue(above.ReadingsDropped > 0);
        Assert.AreEqual(60, above.ReadingsPublished + above.ReadingsDropped + above.ReadingsRetained);
        Assert.AreEqual(up2.Published.Count, up2.Published.Cast<uint>().Distinct().Count(), "no duplicates without power cuts");
    }

    [TestMethod]
    public void CorruptStateDirectory_CleanStartIsReported()
    {
        var source = new RampSampleSource();
        DeepSleepSimulator.RunSimulated(Options(5, 100), source, 0, null, null, out _);
        string log = Path.Combine(_dir, ReadingLog.LogName);
        byte[] bytes = File.ReadAllBytes(log);

        // The last wake's reading (seq 5): what came before it is trusted, it and what follows are not.
        bytes[bytes.Length - RetainedCodec.CheckpointSize - RetainedCodec.ReadingSize + 3] ^= 0xFF;
        File.WriteAllBytes(log, bytes);
        DeepSleepSummary s = DeepSleepSimulator.RunSimulated(Options(1, 100), source, 0, null, null, out SimulatedUplink uplink);
        Assert.AreEqual(1, uplink.LastHealth.StateFaults);
        Assert.AreEqual(3, s.ReadingsDropped, "seq 2..4, retained by the last trusted checkpoint");
        Assert.AreEqual(5u, uplink.Published.Cast<uint>().Single(), "the sequence continues after the last trusted reading");
    }

    [TestMethod]
    public void SilentBroker_EveryWakeEndsWithinTheBudget()
    {
        var source = new RampSampleSource();
        DeepSleepOptions o = Options(20, 1);
        DeepSleepSummary s = DeepSleepSimulator.RunSimulated(o, source, 0, null, u => u.Silent = true, out _);
        Assert.IsTrue(s.DeadlineHits > 0);
        Assert.IsTrue(s.AwakeMilliseconds <= 20L * o.Config.AwakeBudgetMilliseconds);
        Assert.AreEqual(20, s.ReadingsRetained);
    }

    [TestMethod]
    public void AcceleratedRealClock_WithRealFlash_Runs()
    {
        var source = new RampSampleSource();
        DeepSleepOptions o = Options(3, 1);
        var clock = new AcceleratedDeepSleepClock(speed: 1_000_000, startUnixMilliseconds: 1767225600000);
        var network = new SimulatedUplink(new SimulatedClock());
        DeepSleepSummary s = DeepSleepSimulator.Run(o, clock, source, _ => network);
        Assert.AreEqual(3, s.ReadingsPublished);
        Assert.IsTrue(s.SimulatedMilliseconds >= 2 * 290_000L, "two sleeps of about one interval passed in simulated time");
        Assert.IsTrue(new DirectoryFileStore(_dir).Length(ReadingLog.LogName) > 0);
    }
}
