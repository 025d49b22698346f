using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;
using SensorNode.Core.Telemetry;

namespace SensorNode.Tests.Duty;

/// <summary>The always-on node's state files (docs/spec/retained-state.md §10) on their named vectors and damaged input.</summary>
[TestClass]
public sealed class AlwaysOnStateTests
{
    private static byte[] Vector(string name) => Convert.FromHexString(File.ReadAllText(Repo.Path("docs", "spec", "vectors", "duty", name + ".hex")).Trim());

    [TestMethod]
    public void Vectors_LoadAsSpecified_AndSavingGivesTheSameBytes()
    {
        var store = new SimulatedFileStore();
        byte[] seq = Vector("always-on-seq");
        byte[] pendingBytes = Vector("always-on-pending");
        store.Replace(AlwaysOnState.SequenceFile, seq, 0, seq.Length);
        store.Replace(AlwaysOnState.PendingFile, pendingBytes, 0, pendingBytes.Length);
        var state = new AlwaysOnState(store, 64);

        Assert.AreEqual(4242u, state.LoadNextSequence());
        var pending = new PendingReadings(64);
        Assert.AreEqual(2, state.LoadPending(pending));
        Assert.AreEqual(7u, pending.Ring[pending.Start].Sequence);
        Assert.AreEqual(8u, pending.Ring[(pending.Start + 1) % pending.Capacity].Sequence);

        store.Delete(AlwaysOnState.PendingFile);
        Assert.IsTrue(state.SavePending(pending));
        byte[] saved = new byte[store.Length(AlwaysOnState.PendingFile)];
        store.Read(AlwaysOnState.PendingFile, 0, saved, 0, saved.Length);
        CollectionAssert.AreEqual(pendingBytes, saved);
    }

    [TestMethod]
    public void FreshStore_StartsAtZero_AndCountsBoots()
    {
        var state = new AlwaysOnState(new SimulatedFileStore(), 8);
        Assert.AreEqual(0u, state.LoadNextSequence());
        Assert.AreEqual(0, state.LoadPending(new PendingReadings(8)));
        Assert.AreEqual(1u, state.CountBoot());
        Assert.AreEqual(2u, state.CountBoot());
    }

    [TestMethod]
    public void ManyReadings_SpanSeveralBatches_AndComeBackInOrder()
    {
        var store = new SimulatedFileStore();
        var state = new AlwaysOnState(store, 600);
        var pending = new PendingReadings(600);
        var r = new SampleRecord();
        for (uint i = 0; i < 600; i++)
        {
            r.Sequence = 1000 + i;
            r.UnixMilliseconds = 1_764_254_400_000 + i * 1000;
            r.Values[0] = (int)i;
            pending.Add(r);
        }

        Assert.IsTrue(state.SavePending(pending));
        var back = new PendingReadings(600);
        Assert.AreEqual(600, state.LoadPending(back));
        for (int i = 0; i < 600; i++)
        {
            Assert.AreEqual(1000u + (uint)i, back.Ring[(back.Start + i) % back.Capacity].Sequence);
            Assert.AreEqual(i, back.Ring[(back.Start + i) % back.Capacity].Values[0]);
        }
    }

    [DataRow(1)]
    [DataRow(64)]
    [DataRow(255)]
    [DataRow(256)]
    [DataRow(1024)]
    [TestMethod]
    public void AFullBuffer_AlwaysFits(int capacity)
    {
        var pending = new PendingReadings(capacity);
        var r = new SampleRecord();
        for (int i = 0; i < capacity + 3; i++)
        {
            r.Sequence = (uint)i;
            pending.Add(r);
        }

        var store = new SimulatedFileStore();
        Assert.IsTrue(new AlwaysOnState(store, capacity).SavePending(pending));
        Assert.AreEqual(capacity, new AlwaysOnState(store, capacity).LoadPending(new PendingReadings(capacity)));
    }

    [TestMethod]
    public void CutOrDamagedPendingFile_KeepsTheWholeBlocksBeforeTheDamage_AndNeverThrows()
    {
        byte[] vector = Vector("always-on-pending");
        for (int cut = 0; cut <= vector.Length; cut++)
        {
            var store = new SimulatedFileStore();
            store.Replace(AlwaysOnState.PendingFile, vector, 0, cut);
            int loaded = new AlwaysOnState(store, 64).LoadPending(new PendingReadings(64));
            Assert.AreEqual(cut == vector.Length ? 2 : 0, loaded, "cut at " + cut);
        }

        byte[] seqTooShort = new byte[7];
        var s = new SimulatedFileStore();
        s.Replace(AlwaysOnState.SequenceFile, seqTooShort, 0, 7);
        Assert.AreEqual(0u, new AlwaysOnState(s, 1).LoadNextSequence());
    }
}
