using SensorNode.Core.Checksums;
using nanoFramework.TestFramework;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace NFUnitTest.Duty
{
    [TestClass]
    public class RetainedCodecTests
    {
        [TestMethod]
        public void Crc32_CheckValue()
        {
            byte[] data = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, 9));
        }

        [TestMethod]
        public void Reading_RoundTrips()
        {
            SampleRecord a = Sample();
            byte[] buf = new byte[RetainedCodec.MaxRecordSize];
            Assert.AreEqual(RetainedCodec.ReadingSize, RetainedCodec.WriteReading(a, buf, 0));
            byte kind;
            int size;
            Assert.AreEqual(RecordStatus.Ok, RetainedCodec.Check(buf, 0, buf.Length, out kind, out size));
            Assert.AreEqual(RetainedCodec.KindReading, kind);
            SampleRecord b = new SampleRecord();
            RetainedCodec.ReadReading(buf, 0, b);
            Assert.AreEqual(a.Sequence, b.Sequence);
            Assert.AreEqual(a.UnixMilliseconds, b.UnixMilliseconds);
            Assert.AreEqual(a.AnomalyMask, b.AnomalyMask);
            for (int i = 0; i < SampleRecord.ChannelCount; i++)
            {
                Assert.AreEqual(a.Values[i], b.Values[i]);
                Assert.AreEqual(a.Statuses[i], b.Statuses[i]);
            }
        }

        [TestMethod]
        public void Checkpoint_RoundTrips()
        {
            Checkpoint a = new Checkpoint();
            a.ReleasedThroughSequence = 7;
            a.NextSequence = 19;
            a.Boots = 2;
            a.Wakes = 1234;
            a.RadioSessions = 99;
            a.ReadingsDropped = 3;
            a.StateFaults = 1;
            a.TornWritesRepaired = 4;
            a.CycleFaults = 5;
            a.DeadlineHits = 6;
            a.ConnectFailuresInRow = 2;
            a.RadioAllowedAtWake = 1240;
            a.LastRadioWake = 1200;
            a.JitterState = 0xDEADBEEF;
            a.NextWakeTargetMilliseconds = 1767225600123;
            a.TargetIsUnix = true;
            a.LastConnectStatus = UplinkStatus.BrokerRefused;
            byte[] buf = new byte[RetainedCodec.MaxRecordSize];
            RetainedCodec.WriteCheckpoint(a, buf, 0);
            Checkpoint b = new Checkpoint();
            RetainedCodec.ReadCheckpoint(buf, 0, b);
            Assert.AreEqual(a.ReleasedThroughSequence, b.ReleasedThroughSequence);
            Assert.AreEqual(a.NextSequence, b.NextSequence);
            Assert.AreEqual(a.Wakes, b.Wakes);
            Assert.AreEqual(a.RadioAllowedAtWake, b.RadioAllowedAtWake);
            Assert.AreEqual(a.JitterState, b.JitterState);
            Assert.AreEqual(a.NextWakeTargetMilliseconds, b.NextWakeTargetMilliseconds);
            Assert.IsTrue(b.TargetIsUnix);
            Assert.AreEqual((int)UplinkStatus.BrokerRefused, (int)b.LastConnectStatus);
            Assert.AreEqual(a.CycleFaults, b.CycleFaults);
            Assert.AreEqual(a.DeadlineHits, b.DeadlineHits);
        }

        [TestMethod]
        public void Reading_TruncatedAtEveryLength_IsTruncated()
        {
            byte[] buf = new byte[RetainedCodec.MaxRecordSize];
            RetainedCodec.WriteReading(Sample(), buf, 0);
            for (int n = 0; n < RetainedCodec.ReadingSize; n++)
            {
                byte kind;
                int size;
                Assert.AreEqual(RecordStatus.Truncated, RetainedCodec.Check(buf, 0, n, out kind, out size), "length " + n);
            }
        }

        [TestMethod]
        public void Reading_AnySingleBitFlip_IsRejected()
        {
            byte[] buf = new byte[RetainedCodec.MaxRecordSize];
            RetainedCodec.WriteReading(Sample(), buf, 0);
            for (int bit = 0; bit < RetainedCodec.ReadingSize * 8; bit++)
            {
                buf[bit / 8] ^= (byte)(1 << (bit % 8));
                byte kind;
                int size;
                RecordStatus s = RetainedCodec.Check(buf, 0, RetainedCodec.ReadingSize, out kind, out size);
                Assert.IsTrue(s != RecordStatus.Ok, "bit " + bit);
                buf[bit / 8] ^= (byte)(1 << (bit % 8));
            }
        }

        [TestMethod]
        public void Header_WrongVersion_IsUnsupported()
        {
            byte[] buf = new byte[RetainedCodec.MaxRecordSize];
            RetainedCodec.WriteHeader(buf, 0);
            Assert.AreEqual(RecordStatus.Ok, RetainedCodec.CheckHeader(buf, 0));
            buf[6] = 2;
            Assert.AreEqual(RecordStatus.UnsupportedVersion, RetainedCodec.CheckHeader(buf, 0));
            buf[2] = (byte)'X';
            Assert.AreEqual(RecordStatus.BadMagic, RetainedCodec.CheckHeader(buf, 0));
        }

        private static SampleRecord Sample()
        {
            SampleRecord r = new SampleRecord();
            r.Sequence = 0x01020304;
            r.UnixMilliseconds = 1767225600123;
            r.Set(Channel.Temperature, -1234, ReadingStatus.Ok);
            r.Set(Channel.Humidity, 4567, ReadingStatus.Ok);
            r.Set(Channel.Pressure, 101325, ReadingStatus.Ok);
            r.Set(Channel.VibrationRms, int.MinValue, ReadingStatus.ReadFailed);
            r.Set(Channel.CrestFactor, int.MaxValue, ReadingStatus.Stuck);
            r.AnomalyMask = 0x11;
            return r;
        }
    }
}
