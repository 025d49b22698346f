using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Dsp;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;
using SensorNode.Host.Sensors;

namespace SensorNode.Tests.Sensors;

[TestClass]
public sealed class SimulatedNodeSensorsTests
{
    private const long MinuteMilliseconds = 60_000;

    private static List<SampleRecord> Run(string scenario, int seed, int samples, out SimulatedNodeSensors sensors)
    {
        var clock = new SimulatedClock();
        sensors = SimulatedNodeSensors.Create(new NodeConfig(), scenario, seed, clock);
        var records = new List<SampleRecord>();
        for (int i = 0; i < samples; i++)
        {
            var record = new SampleRecord();
            sensors.Sample(record);
            records.Add(record);
            clock.Advance(MinuteMilliseconds);
        }

        return records;
    }

    private static string Fingerprint(IEnumerable<SampleRecord> records) =>
        string.Join(";", records.Select(r => string.Join(",", r.Values) + "|" + string.Join(",", r.Statuses) + "|" + r.AnomalyMask));

    [TestMethod]
    public void SameSeed_SameRecords_DifferentSeed_DifferentRecords()
    {
        string a = Fingerprint(Run("spikes", 42, 60, out _));
        string b = Fingerprint(Run("spikes", 42, 60, out _));
        string c = Fingerprint(Run("spikes", 43, 60, out _));

        Assert.AreEqual(a, b);
        Assert.AreNotEqual(a, c);
    }

    [TestMethod]
    public void Normal_EveryChannelOk_ValuesPlausible_DailyTemperatureCycle()
    {
        // One sample a minute for a day.
        List<SampleRecord> records = Run("normal", 7, 24 * 60, out SimulatedNodeSensors sensors);

        foreach (SampleRecord r in records)
        {
            for (int c = 0; c < SampleRecord.ChannelCount; c++)
            {
                Assert.AreEqual(ReadingStatus.Ok, r.StatusOf((Channel)c), "channel " + (Channel)c);
            }

            Assert.IsTrue(r.Get(Channel.Pressure) is > 99_000 and < 103_500);
            Assert.IsTrue(r.Get(Channel.Humidity) is > 3_000 and < 7_000);
        }

        int[] temperatures = records.Select(r => r.Get(Channel.Temperature)).ToArray();
        Assert.IsTrue(temperatures.Max() - temperatures.Min() > 600, "daily swing above 6 °C expected");
        int coldest = Array.IndexOf(temperatures, temperatures.Min());
        Assert.IsTrue(coldest is > 4 * 60 and < 8 * 60, "coldest near 06:00, got minute " + coldest);
        Assert.AreEqual(0, sensors.Sampler.HealthOf(SensorId.Bme280).Failures);
    }

    [TestMethod]
    public void CrestFactor_RisesWithBearingFaultSeverity()
    {
        double[] severities = { 0, 0.1, 0.25, 0.5, 0.75, 1.0 };
        int previous = 0;
        foreach (double severity in severities)
        {
            var accel = new SimulatedAccelerometer(800, 16, seed: 5) { FaultSeverity = severity };
            var crest = new CrestFactor(4096);
            while (!crest.Add(accel.NextSample()))
            {
            }

            Assert.IsTrue(crest.CrestMilli > previous, $"severity {severity}: crest {crest.CrestMilli} not above {previous}");
            previous = crest.CrestMilli;
        }

        Assert.IsTrue(previous > 3000, "a severe fault should pass a crest factor of 3, got " + previous);
    }

    [TestMethod]
    public void BearingFault_RaisesPublishedCrestAboveNormal()
    {
        int normal = Run("normal", 3, 10, out _).Last().Get(Channel.CrestFactor);
        int faulty = Run("bearing-fault", 3, 10, out _).Last().Get(Channel.CrestFactor);

        Assert.IsTrue(faulty > normal + 500, $"normal {normal}, bearing fault {faulty}");
    }

    [TestMethod]
    public void NoBme280_TemperatureAndHumidityFromDht22_PressureNotPresent()
    {
        List<SampleRecord> records = Run("no-bme280", 1, 5, out SimulatedNodeSensors sensors);

        SampleRecord last = records.Last();
        Assert.AreEqual(ReadingStatus.NotPresent, last.StatusOf(Channel.Pressure));
        Assert.AreEqual(ReadingStatus.Ok, last.StatusOf(Channel.Temperature));
        Assert.AreEqual(ReadingStatus.Ok, last.StatusOf(Channel.Humidity));
        Assert.AreEqual(HealthLevel.Failed, sensors.Sampler.HealthOf(SensorId.Bme280).Level);
    }

    [TestMethod]
    public void Stuck_PressureTurnsStuck_TemperatureFallsBackToDht22()
    {
        List<SampleRecord> records = Run("stuck", 2, 40, out SimulatedNodeSensors sensors);

        Assert.IsTrue(records.Take(5).All(r => r.StatusOf(Channel.Pressure) == ReadingStatus.Ok));
        Assert.AreEqual(ReadingStatus.Stuck, records.Last().StatusOf(Channel.Pressure));
        Assert.AreEqual(ReadingStatus.Ok, records.Last().StatusOf(Channel.Temperature));
        Assert.IsTrue(sensors.Sampler.HealthOf(SensorId.Bme280).CountOf(ReadingStatus.Stuck) > 0);
    }

    [TestMethod]
    public void Dropouts_RetriesRecoverMostReads_FailuresVisibleInHealth()
    {
        List<SampleRecord> records = Run("dropouts", 9, 200, out SimulatedNodeSensors sensors);

        SensorHealth dht = sensors.Sampler.HealthOf(SensorId.Dht22);
        Assert.IsTrue(dht.Attempts > dht.Reads, "retries expected");
        Assert.IsTrue(dht.Failures > 0, "some reads fail even after three attempts at p = 0.5");
        Assert.IsTrue(records.Count(r => r.StatusOf(Channel.Temperature) == ReadingStatus.Ok) > 180);
        Assert.IsTrue(records.Count(r => r.StatusOf(Channel.VibrationRms) == ReadingStatus.Ok) > 190);
    }

    [TestMethod]
    public void Spikes_AreFlaggedAsAnomalies()
    {
        List<SampleRecord> records = Run("spikes", 4, 300, out _);

        int flagged = records.Count(r => (r.AnomalyMask & (1 << (int)Channel.Temperature)) != 0);
        Assert.IsTrue(flagged > 3, "temperature anomalies flagged: " + flagged);
    }

    [TestMethod]
    public void FaultKnobs_ChangeMidRun()
    {
        var clock = new SimulatedClock();
        SimulatedNodeSensors sensors = SimulatedNodeSensors.Create(new NodeConfig(), "normal", 1, clock);
        var record = new SampleRecord();
        sensors.Sample(record);
        Assert.AreEqual(ReadingStatus.Ok, record.StatusOf(Channel.VibrationRms));

        sensors.Accelerometer.Faults.Absent = true;
        clock.Advance(MinuteMilliseconds);
        sensors.Sample(record);

        Assert.AreEqual(ReadingStatus.NotPresent, record.StatusOf(Channel.VibrationRms));
        Assert.AreEqual(ReadingStatus.Ok, record.StatusOf(Channel.Pressure));
    }

    [TestMethod]
    public void UnknownScenario_ThrowsWithTheList()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => SimulatedNodeSensors.Create(new NodeConfig(), "earthquake", 1, new SimulatedClock()));
        StringAssert.Contains(ex.Message, "bearing-fault");
    }

    [TestMethod]
    public void EveryScenario_RunsAndIsDocumented()
    {
        string doc = System.IO.File.ReadAllText(Repo.Path("docs", "simulated-sensors.md"));
        foreach (string scenario in SimulatedNodeSensors.Scenarios)
        {
            Run(scenario, 1, 3, out _);
            StringAssert.Contains(doc, "`" + scenario + "`");
        }
    }
}
