using System;
using System.IO;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;
using SensorNode.Host.Sensors;

namespace SensorNode.Tests.Dsp;

/// <summary>Filters kept across deep sleep (docs/spec/signal-chain.md §8): exact replay, the named vector, damaged files.</summary>
[TestClass]
public sealed class FilterStateTests
{
    private static readonly byte[] Vector = Convert.FromHexString(File.ReadAllText(Repo.Path("docs", "spec", "vectors", "dsp", "filters-windows-2-3.hex")).Trim());

    private static ChannelFilter[] Filters(int average, int z, int channels = SampleRecord.ChannelCount)
    {
        var f = new ChannelFilter[channels];
        for (int i = 0; i < channels; i++)
        {
            f[i] = new ChannelFilter(average, z, 3000);
        }

        return f;
    }

    private static void Feed(ChannelFilter f, params int[] values)
    {
        foreach (int v in values)
        {
            f.Update(v, out _);
        }
    }

    [TestMethod]
    public void Vector_IsWhatTheSpecsInputsEncodeTo_AndRestoresTheSameHistories()
    {
        ChannelFilter[] f = Filters(2, 3);
        Feed(f[0], 2150, 2160, -5);
        Feed(f[1], 4530);
        Feed(f[3], 50, 100, 200, 300);
        Feed(f[4], 1414, 1414);
        byte[] b = new byte[FilterStateFile.MaxLength(3, 5)];
        int n = FilterStateFile.Encode(f, 2, 3, b);
        CollectionAssert.AreEqual(Vector, b[..n]);

        var store = new SimulatedFileStore();
        store.Replace(FilterStateFile.FileName, Vector, 0, Vector.Length);
        ChannelFilter[] restored = Filters(2, 3);
        Assert.AreEqual(FilterStateStatus.Ok, new FilterStateFile(store, 2, 3, 5).Restore(restored));
        for (int c = 0; c < 5; c++)
        {
            Assert.AreEqual(f[c].HistoryCount, restored[c].HistoryCount);
            for (int i = 0; i < f[c].HistoryCount; i++)
            {
                Assert.AreEqual(f[c].HistoryAt(i), restored[c].HistoryAt(i));
            }
        }
    }

    [TestMethod]
    public void SaveRestoreAnywhere_ContinuesExactlyLikeAFilterThatNeverSlept()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Int[-100_000, 100_000].Array[0, 160], Gen.Int[0, 160]).Sample((average, z, inputs, split) =>
        {
            int k = Math.Min(split, inputs.Length);
            var awake = new ChannelFilter(average, z, 2000);
            var sleeper = new ChannelFilter[] { new(average, z, 2000) };
            var store = new SimulatedFileStore();
            var file = new FilterStateFile(store, average, z, 1);
            for (int i = 0; i < k; i++)
            {
                awake.Update(inputs[i], out _);
                sleeper[0].Update(inputs[i], out _);
            }

            file.Save(sleeper);
            var woken = new ChannelFilter[] { new(average, z, 2000) };
            Assert.AreEqual(FilterStateStatus.Ok, file.Restore(woken));
            for (int i = k; i < inputs.Length; i++)
            {
                int a = awake.Update(inputs[i], out bool anomalyA);
                int w = woken[0].Update(inputs[i], out bool anomalyW);
                Assert.AreEqual(a, w, $"mean at {i}");
                Assert.AreEqual(anomalyA, anomalyW, $"anomaly at {i}");
                Assert.AreEqual(awake.ZMilli, woken[0].ZMilli, $"z at {i}");
            }
        }, iter: 400, threads: 1);
    }

    [TestMethod]
    public void DamagedFiles_LeaveTheFiltersEmpty_WithTheirStatus()
    {
        var store = new SimulatedFileStore();
        var file = new FilterStateFile(store, 2, 3, 5);
        Assert.AreEqual(FilterStateStatus.Missing, file.Restore(Filters(2, 3)));
        Assert.AreEqual(FilterStateStatus.WindowsChanged, Restore(Vector, store, new FilterStateFile(store, 2, 4, 5)));
        Assert.AreEqual(FilterStateStatus.WindowsChanged, Restore(Vector, store, new FilterStateFile(store, 2, 3, 4)));
        byte[] magic = (byte[])Vector.Clone();
        magic[3] = (byte)'X';
        Assert.AreEqual(FilterStateStatus.BadMagic, Restore(magic, store, file));
        byte[] version = (byte[])Vector.Clone();
        version[4] = 2;
        Assert.AreEqual(FilterStateStatus.UnsupportedVersion, Restore(version, store, file));
        for (int i = 0; i < Vector.Length; i++)
        {
            byte[] damaged = (byte[])Vector.Clone();
            damaged[i] ^= 0x10;
            ChannelFilter[] f = Filters(2, 3);
            Assert.AreNotEqual(FilterStateStatus.Ok, Restore(damaged, store, file, f), "byte " + i);
            Assert.AreNotEqual(FilterStateStatus.Ok, Restore(Vector[..i], store, file, f), "cut at " + i);
        }
    }

    [TestMethod]
    public void SimulatedDeepSleepNode_RebootingEverySample_ReadsLikeOneThatNeverSlept()
    {
        var config = new NodeConfig { AverageWindow = 4, ZWindow = 16, ZThresholdMilli = 2500 };
        var clockA = new SimulatedClock();
        var clockB = new SimulatedClock();
        SimulatedNodeSensors awake = SimulatedNodeSensors.Create(config, "spikes", 5, clockA);
        SimulatedNodeSensors sleeper = SimulatedNodeSensors.Create(config, "spikes", 5, clockB);
        var flash = new SimulatedFileStore();
        var a = new SampleRecord();
        var b = new SampleRecord();
        int anomalies = 0;
        for (int i = 0; i < 120; i++)
        {
            clockA.Advance(300_000);
            clockB.Advance(300_000);
            sleeper.Reboot(flash);
            awake.Sample(a);
            sleeper.Sample(b);
            Assert.AreEqual(i == 0 ? FilterStateStatus.Missing : FilterStateStatus.Ok, sleeper.Sampler.RestoreStatus);
            CollectionAssert.AreEqual(a.Values, b.Values, "sample " + i);
            Assert.AreEqual(a.AnomalyMask, b.AnomalyMask, "sample " + i);
            anomalies += a.AnomalyMask != 0 ? 1 : 0;
        }

        Assert.IsTrue(anomalies > 0, "the spikes scenario must raise anomalies across deep sleep");
    }

    private static FilterStateStatus Restore(byte[] content, SimulatedFileStore store, FilterStateFile file, ChannelFilter[]? into = null)
    {
        store.Replace(FilterStateFile.FileName, content, 0, content.Length);
        return file.Restore(into ?? Filters(2, 3));
    }
}
