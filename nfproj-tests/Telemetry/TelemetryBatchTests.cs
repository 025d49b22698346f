using nanoFramework.TestFramework;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;

namespace NFUnitTest.Telemetry
{
    [TestClass]
    public class TelemetryBatchTests
    {
        [TestMethod]
        public void Encode_OneReading_MatchesVector()
        {
            byte[] buffer = new byte[64];
            int length;
            BatchStatus s = new TelemetryBatchEncoder().Encode(new SampleRecord[] { Vectors.OneReading() }, 0, 1, buffer, 0, buffer.Length, out length);
            Assert.AreEqual((int)BatchStatus.Ok, (int)s);
            Assert.AreEqual(34, length);
            Assert.AreEqual(Vectors.BatchOneReadingHex, TestText.ToHex(buffer, length));
        }

        [TestMethod]
        public void Encode_TwoReadingsFromWrappedRing_MatchesVector()
        {
            SampleRecord[] two = Vectors.TwoReadings();
            SampleRecord[] ring = new SampleRecord[] { two[1], new SampleRecord(), two[0] };
            byte[] buffer = new byte[64];
            int length;
            Assert.AreEqual((int)BatchStatus.Ok, (int)new TelemetryBatchEncoder().Encode(ring, 2, 2, buffer, 0, buffer.Length, out length));
            Assert.AreEqual(Vectors.BatchTwoReadingsHex, TestText.ToHex(buffer, length));
        }

        [TestMethod]
        public void Decode_TwoReadingVector_RoundTripsEveryField()
        {
            byte[] bytes = TestText.Hex(Vectors.BatchTwoReadingsHex);
            int count;
            Assert.AreEqual((int)BatchStatus.Ok, (int)TelemetryBatchDecoder.Check(bytes, 0, bytes.Length, out count));
            Assert.AreEqual(2, count);
            SampleRecord[] expected = Vectors.TwoReadings();
            SampleRecord actual = new SampleRecord();
            for (int i = 0; i < 2; i++)
            {
                TelemetryBatchDecoder.Read(bytes, 0, i, actual);
                Assert.AreEqual(expected[i].Sequence, actual.Sequence);
                Assert.AreEqual(expected[i].UnixMilliseconds, actual.UnixMilliseconds);
                Assert.AreEqual(expected[i].AnomalyMask, actual.AnomalyMask);
                for (int c = 0; c < SampleRecord.ChannelCount; c++)
                {
                    Assert.AreEqual(expected[i].Values[c], actual.Values[c]);
                    Assert.AreEqual(expected[i].Statuses[c], actual.Statuses[c]);
                }
            }
        }

        [TestMethod]
        public void Decode_TruncatedAtEveryLength_IsNeverOk()
        {
            byte[] bytes = TestText.Hex(Vectors.BatchTwoReadingsHex);
            for (int length = 0; length < bytes.Length; length++)
            {
                int count;
                BatchStatus s = TelemetryBatchDecoder.Check(bytes, 0, length, out count);
                Assert.AreEqual((int)(length < TelemetryFormat.HeaderSize ? BatchStatus.TooShort : BatchStatus.LengthMismatch), (int)s);
                Assert.AreEqual(0, count);
            }
        }

        [DataRow(0, 2, (int)BatchStatus.BadVersion)]
        [DataRow(1, 0, (int)BatchStatus.BadCount)]
        [DataRow(2, 21, (int)BatchStatus.BadReadingSize)]
        [DataRow(20, 0x07, (int)BatchStatus.BadStatus)]
        [DataRow(21, 0x80, (int)BatchStatus.ReservedBitsSet)]
        [DataRow(22, 0x20, (int)BatchStatus.ReservedBitsSet)]
        public void Decode_CorruptByte_ReturnsItsStatus(int index, int value, int expected)
        {
            byte[] bytes = TestText.Hex(Vectors.BatchTwoReadingsHex);
            bytes[index] = (byte)value;
            int count;
            Assert.AreEqual(expected, (int)TelemetryBatchDecoder.Check(bytes, 0, bytes.Length, out count));
        }

        [TestMethod]
        public void Decode_NoBaseTimeButOffsetPresent_IsBadTimestamp()
        {
            byte[] bytes = TestText.Hex(Vectors.BatchOneReadingHex);
            for (int i = 4; i < 12; i++)
            {
                bytes[i] = 0;
            }

            int count;
            Assert.AreEqual((int)BatchStatus.BadTimestamp, (int)TelemetryBatchDecoder.Check(bytes, 0, bytes.Length, out count));
        }

        [TestMethod]
        public void Encode_ValuesOutsideFields_AreClamped()
        {
            SampleRecord r = new SampleRecord();
            r.Set(Channel.Temperature, -40000, ReadingStatus.OutOfRange);
            r.Set(Channel.Humidity, -1, ReadingStatus.OutOfRange);
            r.Set(Channel.Pressure, 20000000, ReadingStatus.OutOfRange);
            r.Set(Channel.VibrationRms, 70000, ReadingStatus.OutOfRange);
            r.Set(Channel.CrestFactor, int.MaxValue, ReadingStatus.OutOfRange);
            byte[] buffer = new byte[34];
            int length;
            new TelemetryBatchEncoder().Encode(new SampleRecord[] { r }, 0, 1, buffer, 0, buffer.Length, out length);
            SampleRecord back = new SampleRecord();
            int count;
            Assert.AreEqual((int)BatchStatus.Ok, (int)TelemetryBatchDecoder.Check(buffer, 0, length, out count));
            TelemetryBatchDecoder.Read(buffer, 0, 0, back);
            Assert.AreEqual(-32768, back.Get(Channel.Temperature));
            Assert.AreEqual(0, back.Get(Channel.Humidity));
            Assert.AreEqual(16777215, back.Get(Channel.Pressure));
            Assert.AreEqual(65535, back.Get(Channel.VibrationRms));
            Assert.AreEqual(65535, back.Get(Channel.CrestFactor));
            Assert.AreEqual(0L, back.UnixMilliseconds);
        }

        [TestMethod]
        public void Encode_BufferOneByteShort_ReportsNeededLength()
        {
            byte[] buffer = new byte[33];
            int length;
            BatchStatus s = new TelemetryBatchEncoder().Encode(new SampleRecord[] { Vectors.OneReading() }, 0, 1, buffer, 0, buffer.Length, out length);
            Assert.AreEqual((int)BatchStatus.BufferTooSmall, (int)s);
            Assert.AreEqual(34, length);
        }

        [TestMethod]
        public void Encode_TimestampsSpanningMoreThanUInt32Milliseconds_IsRefused()
        {
            SampleRecord a = Vectors.OneReading();
            SampleRecord b = Vectors.OneReading();
            b.UnixMilliseconds = a.UnixMilliseconds + 0xFFFFFFFFL;
            byte[] buffer = new byte[64];
            int length;
            Assert.AreEqual((int)BatchStatus.TimeSpanTooLarge, (int)new TelemetryBatchEncoder().Encode(new SampleRecord[] { a, b }, 0, 2, buffer, 0, buffer.Length, out length));
        }
    }
}
