using nanoFramework.TestFramework;
using SensorNode.Core.Duty;
using SensorNode.Core.Sensors;
using SensorNode.Core.Simulation;

namespace NFUnitTest.Duty
{
    [TestClass]
    public class ReadingLogTests
    {
        [TestMethod]
        public void Append_ThenReload_KeepsReadingsAndSequence()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ReadingLog log = new ReadingLog(store, 16);
            Assert.AreEqual(LoadOutcome.Fresh, log.Load());
            AppendMany(log, 3);
            ReadingLog again = new ReadingLog(store, 16);
            Assert.AreEqual(LoadOutcome.Loaded, again.Load());
            Assert.AreEqual(4u, again.State.NextSequence);
            Assert.AreEqual(3, again.State.RetainedCount);
            SampleRecord[] into = Records(8);
            Assert.AreEqual(3, again.ReadRetained(1, into, 8));
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual((uint)(i + 1), into[i].Sequence);
                Assert.AreEqual(i + 1, into[i].Values[0]);
            }
        }

        [TestMethod]
        public void Append_IsOneSmallWrite()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ReadingLog log = new ReadingLog(store, 16);
            log.Load();
            AppendMany(log, 1);
            Assert.AreEqual(1, store.WriteCount);
            Assert.AreEqual((long)(RetainedCodec.HeaderSize + RetainedCodec.ReadingSize + RetainedCodec.CheckpointSize), store.BytesWritten);
            store.ResetCounters();
            AppendMany(log, 1);
            Assert.AreEqual(1, store.WriteCount);
            Assert.AreEqual((long)(RetainedCodec.ReadingSize + RetainedCodec.CheckpointSize), store.BytesWritten);
        }

        [TestMethod]
        public void Full_EvictsOldestFirst_AndCounts()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ReadingLog log = new ReadingLog(store, 4);
            log.Load();
            AppendMany(log, 10);
            ReadingLog again = new ReadingLog(store, 4);
            again.Load();
            Assert.AreEqual(4, again.State.RetainedCount);
            Assert.AreEqual(6, again.State.ReadingsDropped);
            SampleRecord[] into = Records(8);
            Assert.AreEqual(4, again.ReadRetained(0, into, 8));
            Assert.AreEqual(7u, into[0].Sequence);
            Assert.AreEqual(10u, into[3].Sequence);
        }

        [TestMethod]
        public void ReleasedReadings_AreNotReadAgain_AndSurviveReload()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ReadingLog log = new ReadingLog(store, 16);
            log.Load();
            AppendMany(log, 5);
            log.Release(3);
            log.Commit();
            ReadingLog again = new ReadingLog(store, 16);
            again.Load();
            SampleRecord[] into = Records(8);
            Assert.AreEqual(2, again.ReadRetained(0, into, 8));
            Assert.AreEqual(4u, into[0].Sequence);
        }

        [TestMethod]
        public void FileSize_StaysBounded_ByCompaction()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            int threshold = ReadingLog.CompactThresholdBytes(8);
            bool compacted = false;
            for (int wake = 0; wake < 400; wake++)
            {
                ReadingLog log = new ReadingLog(store, 8);
                log.Load();
                compacted |= log.Compacted;
                AppendMany(log, 1);
                if (wake % 3 == 0)
                {
                    log.Release(log.State.NextSequence - 1);
                    log.Commit();
                }

                Assert.IsTrue(store.Length(ReadingLog.LogName) < threshold + RetainedCodec.ReadingSize + (2 * RetainedCodec.CheckpointSize));
            }

            Assert.IsTrue(compacted);
            ReadingLog last = new ReadingLog(store, 8);
            last.Load();
            Assert.AreEqual(401u, last.State.NextSequence);
        }

        [TestMethod]
        public void TornAppend_IsRepaired_NotAFault()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ReadingLog log = new ReadingLog(store, 16);
            log.Load();
            AppendMany(log, 3);
            store.CutPowerAt(store.WriteCount);
            Assert.ThrowsException(typeof(PowerCutException), () => AppendMany(log, 1));
            store.PowerOn();
            ReadingLog again = new ReadingLog(store, 16);
            Assert.AreEqual(LoadOutcome.RepairedTornWrite, again.Load());
            Assert.AreEqual(1, again.State.TornWritesRepaired);
            Assert.AreEqual(0, again.State.StateFaults);

            // Half of reading + checkpoint survived: the complete reading counts, its torn checkpoint does not.
            Assert.AreEqual(4, again.State.RetainedCount);
            Assert.AreEqual(5u, again.State.NextSequence);
            Assert.AreEqual(LoadOutcome.Loaded, new ReadingLog(store, 16).Load());
        }

        [TestMethod]
        public void CorruptReading_CleanStart_SequenceContinues_DropsCounted()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ReadingLog log = new ReadingLog(store, 16);
            log.Load();
            AppendMany(log, 4);

            // Third wake's reading: header, then (reading + checkpoint) x 2.
            int third = RetainedCodec.HeaderSize + (2 * (RetainedCodec.ReadingSize + RetainedCodec.CheckpointSize));
            store.Corrupt(ReadingLog.LogName, third + 10, 0x01);
            ReadingLog again = new ReadingLog(store, 16);
            Assert.AreEqual(LoadOutcome.CleanStart, again.Load());
            Assert.AreEqual(RecordStatus.BadCrc, again.Fault);
            Assert.AreEqual(third, again.FaultOffset);
            Assert.AreEqual(1, again.State.StateFaults);
            Assert.AreEqual(0, again.State.RetainedCount);
            Assert.AreEqual(2, again.State.ReadingsDropped);
            Assert.AreEqual(3u, again.State.NextSequence);
            Assert.AreEqual(LoadOutcome.Loaded, new ReadingLog(store, 16).Load());
        }

        [TestMethod]
        public void LogNotStartingWithHeader_IsMisplacedHeader()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            byte[] buf = new byte[RetainedCodec.MaxRecordSize];
            int n = RetainedCodec.WriteCheckpoint(new Checkpoint(), buf, 0);
            store.Replace(ReadingLog.LogName, buf, 0, n);
            ReadingLog log = new ReadingLog(store, 16);
            Assert.AreEqual(LoadOutcome.CleanStart, log.Load());
            Assert.AreEqual(RecordStatus.MisplacedHeader, log.Fault);
        }

        [TestMethod]
        public void LeftoverTemporaryFile_DoesNotDisturbTheLog()
        {
            SimulatedFileStore store = new SimulatedFileStore();
            ReadingLog log = new ReadingLog(store, 16);
            log.Load();
            AppendMany(log, 2);
            byte[] junk = new byte[] { 1, 2, 3 };
            store.Append(ReadingLog.TempName, junk, 0, 3);
            ReadingLog again = new ReadingLog(store, 16);
            Assert.AreEqual(LoadOutcome.Loaded, again.Load());
            Assert.AreEqual(2, again.State.RetainedCount);
        }

        internal static void AppendMany(ReadingLog log, int count)
        {
            SampleRecord r = new SampleRecord();
            for (int i = 0; i < count; i++)
            {
                r.Clear();
                r.Set(Channel.Temperature, (int)log.State.NextSequence, ReadingStatus.Ok);
                log.State.Wakes++;
                log.Append(r);
            }
        }

        private static SampleRecord[] Records(int n)
        {
            SampleRecord[] a = new SampleRecord[n];
            for (int i = 0; i < n; i++)
            {
                a[i] = new SampleRecord();
            }

            return a;
        }
    }
}
