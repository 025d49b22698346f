using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;

namespace SensorNode.Tests.Duty;

/// <summary>The named vectors of docs/spec/retained-state.md §8 (generated from the spec by make_vectors.py, CRC by zlib).</summary>
[TestClass]
public sealed class RetainedStateVectorTests
{
    private static byte[] Vector(string name) =>
        Convert.FromHexString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "duty", name + ".hex")).Trim());

    [TestMethod]
    public void HeaderV1_EncoderProducesTheVector()
    {
        var buffer = new byte[RetainedCodec.MaxRecordSize];
        int n = RetainedCodec.WriteHeader(buffer, 0);
        CollectionAssert.AreEqual(Vector("header-v1"), buffer[..n]);
    }

    [TestMethod]
    public void ReadingBasic_EncodesAndDecodes()
    {
        var record = new SampleRecord { Sequence = 1, UnixMilliseconds = 1767225600000 };
        record.Set(Channel.Temperature, 2150, ReadingStatus.Ok);
        record.Set(Channel.Humidity, 4530, ReadingStatus.Ok);
        record.Set(Channel.Pressure, 101325, ReadingStatus.Ok);
        record.Set(Channel.VibrationRms, 0, ReadingStatus.NotPresent);
        record.Set(Channel.CrestFactor, 0, ReadingStatus.NotPresent);
        var buffer = new byte[RetainedCodec.MaxRecordSize];
        int n = RetainedCodec.WriteReading(record, buffer, 0);
        byte[] vector = Vector("reading-basic");
        CollectionAssert.AreEqual(vector, buffer[..n]);

        Assert.AreEqual(RecordStatus.Ok, RetainedCodec.Check(vector, 0, vector.Length, out byte kind, out int size));
        Assert.AreEqual(RetainedCodec.KindReading, kind);
        Assert.AreEqual(RetainedCodec.ReadingSize, size);
        var decoded = new SampleRecord();
        RetainedCodec.ReadReading(vector, 0, decoded);
        Assert.AreEqual(4530, decoded.Get(Channel.Humidity));
        Assert.AreEqual(ReadingStatus.NotPresent, decoded.StatusOf(Channel.CrestFactor));
    }

    [TestMethod]
    public void CheckpointBasic_EncodesAndDecodes()
    {
        var c = new Checkpoint { NextSequence = 2, Boots = 1, Wakes = 1, NextWakeTargetMilliseconds = 1767225900000, TargetIsUnix = true };
        var buffer = new byte[RetainedCodec.MaxRecordSize];
        int n = RetainedCodec.WriteCheckpoint(c, buffer, 0);
        CollectionAssert.AreEqual(Vector("checkpoint-basic"), buffer[..n]);
        var decoded = new Checkpoint();
        RetainedCodec.ReadCheckpoint(Vector("checkpoint-basic"), 0, decoded);
        Assert.AreEqual(1767225900000, decoded.NextWakeTargetMilliseconds);
        Assert.AreEqual(UplinkStatus.Ok, decoded.LastConnectStatus);
    }

    [TestMethod]
    [DataRow("log-two-wakes", LoadOutcome.Loaded, RecordStatus.Ok, -1, 3, 2, 0)]
    [DataRow("log-torn-reading", LoadOutcome.RepairedTornWrite, RecordStatus.Ok, -1, 2, 1, 0)]
    [DataRow("log-torn-checkpoint", LoadOutcome.RepairedTornWrite, RecordStatus.Ok, -1, 3, 2, 0)]
    [DataRow("log-bad-crc", LoadOutcome.CleanStart, RecordStatus.BadCrc, 14, 1, 0, 0)]
    [DataRow("log-unknown-kind", LoadOutcome.CleanStart, RecordStatus.UnknownKind, 14, 1, 0, 0)]
    [DataRow("log-bad-length", LoadOutcome.CleanStart, RecordStatus.BadLength, 14, 1, 0, 0)]
    [DataRow("log-bad-magic", LoadOutcome.CleanStart, RecordStatus.BadMagic, 0, 1, 0, 0)]
    [DataRow("log-unsupported-version", LoadOutcome.CleanStart, RecordStatus.UnsupportedVersion, 0, 1, 0, 0)]
    [DataRow("log-misplaced-header", LoadOutcome.CleanStart, RecordStatus.MisplacedHeader, 0, 1, 0, 0)]
    [DataRow("log-second-header", LoadOutcome.CleanStart, RecordStatus.MisplacedHeader, 58, 2, 0, 1)]
    [DataRow("log-sequence-not-increasing", LoadOutcome.CleanStart, RecordStatus.SequenceNotIncreasing, 58, 3, 0, 2)]
    public void Log_LoadsAsTheSpecSays(string name, LoadOutcome outcome, RecordStatus fault, int faultOffset, int nextSequence, int retained, int dropped)
    {
        var store = new SimulatedFileStore();
        byte[] bytes = Vector(name);
        store.Replace(ReadingLog.LogName, bytes, 0, bytes.Length);
        var log = new ReadingLog(store, 16);
        Assert.AreEqual(outcome, log.Load());
        Assert.AreEqual(fault, log.Fault);
        Assert.AreEqual(faultOffset, log.FaultOffset);
        Assert.AreEqual((uint)nextSequence, log.State.NextSequence);
        Assert.AreEqual(retained, log.State.RetainedCount);
        Assert.AreEqual(dropped, log.State.ReadingsDropped);
        Assert.AreEqual(outcome == LoadOutcome.CleanStart ? 1 : 0, log.State.StateFaults);

        // Whatever was found, the rewritten log now loads cleanly with the same state.
        var again = new ReadingLog(store, 16);
        Assert.AreEqual(LoadOutcome.Loaded, again.Load());
        Assert.AreEqual(log.State.NextSequence, again.State.NextSequence);
        Assert.AreEqual(log.State.RetainedCount, again.State.RetainedCount);
    }
}
